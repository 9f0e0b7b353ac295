import { Link } from 'react-router';

export function Home() {
  return (
    <>
      <h1>Gear for the trail</h1>
      <p>
        A tiny shop that shows @spoor/react: sessions, router page views, masked forms and a custom event.
      </p>
      <Link to="/products">Browse products</Link>
    </>
  );
}
