import { usePageViews, useSessionTracker } from '@spoor/react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { ConsentBanner } from './ConsentBanner';
import { CartProvider, useCart } from './cart';
import { Checkout } from './pages/Checkout';
import { Home } from './pages/Home';
import { ProductList } from './pages/ProductList';
import { ProductPage } from './pages/ProductPage';
import { Thanks } from './pages/Thanks';

export function App() {
  // One page view per route change (the core ignores a second view of the same URL).
  usePageViews(useLocation());
  return (
    <CartProvider>
      <header>
        <strong>Spoor shop</strong>
        <nav>
          <NavLink to="/">Home</NavLink>
          <NavLink to="/products">Products</NavLink>
          <CartLink />
        </nav>
      </header>
      <main>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/products" element={<ProductList />} />
          <Route path="/products/:sku" element={<ProductPage />} />
          <Route path="/checkout" element={<Checkout />} />
          <Route path="/thanks" element={<Thanks />} />
          <Route path="*" element={<h1>Not found</h1>} />
        </Routes>
      </main>
      <SessionFooter />
      <ConsentBanner />
    </CartProvider>
  );
}

function CartLink() {
  const { count } = useCart();
  return <NavLink to="/checkout">Cart ({count})</NavLink>;
}

function SessionFooter() {
  const { sessionId, consent, tracker } = useSessionTracker();
  return (
    <footer>
      <span>
        Tracking: {consent}
        {sessionId ? ` · session ${sessionId.slice(0, 8)}` : ''}
      </span>
      {consent === 'granted' && (
        <button type="button" className="link" onClick={() => tracker.consent.deny()}>
          Stop tracking me
        </button>
      )}
    </footer>
  );
}
