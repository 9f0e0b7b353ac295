import { useSessionTracker } from '@spoor/react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCart } from '../cart';

// Input values are masked by default. `data-spoor-unmask` opts harmless fields back in, so the
// quantity and the "how did you hear about us" answer arrive as typed; name, e-mail and card never do.
export function Checkout() {
  const { tracker } = useSessionTracker();
  const cart = useCart();
  const navigate = useNavigate();

  const placeOrder = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    tracker.track('checkout_completed', { items: cart.count, source: String(form.get('source') ?? '') });
    cart.clear();
    navigate('/thanks');
  };

  return (
    <>
      <h1>Checkout</h1>
      <p>{cart.count} item(s) in your cart.</p>
      <form onSubmit={placeOrder} aria-label="Checkout">
        <label>
          Full name
          <input name="name" autoComplete="name" required />
        </label>
        <label>
          E-mail
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Card number
          <input name="card" inputMode="numeric" autoComplete="cc-number" required />
        </label>
        <label>
          Quantity
          <input name="quantity" type="number" min={1} defaultValue={1} data-spoor-unmask="" />
        </label>
        <label>
          How did you hear about us?
          <select name="source" defaultValue="" data-spoor-unmask="">
            <option value="">Choose…</option>
            <option value="friend">A friend</option>
            <option value="podcast">A podcast</option>
            <option value="search">A search engine</option>
          </select>
        </label>
        <button type="submit">Place order</button>
      </form>
    </>
  );
}
