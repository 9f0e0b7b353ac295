import { Link } from 'react-router';

export function Thanks() {
  return (
    <>
      <h1>Thank you!</h1>
      <p>Your order is on its way.</p>
      <Link to="/products">Keep shopping</Link>
    </>
  );
}
