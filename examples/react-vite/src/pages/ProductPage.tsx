import { useSessionTracker } from '@spoor/react';
import { Link, useParams } from 'react-router';
import { useCart } from '../cart';
import { findProduct } from '../products';

export function ProductPage() {
  const product = findProduct(useParams().sku);
  const { tracker } = useSessionTracker();
  const cart = useCart();
  if (!product) return <h1>No such product</h1>;

  const addToCart = () => {
    cart.add(product.sku);
    // A custom event: any name, JSON-safe properties.
    tracker.track('add_to_cart', { sku: product.sku, price: product.price });
  };

  return (
    <>
      <h1>{product.name}</h1>
      <p>{product.blurb}</p>
      <p>€{product.price}</p>
      <button type="button" onClick={addToCart}>
        Add to cart
      </button>{' '}
      {cart.items[product.sku] ? <Link to="/checkout">Go to checkout</Link> : null}
    </>
  );
}
