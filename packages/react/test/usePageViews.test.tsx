import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';
import { expect, it, vi } from 'vitest';
import { SessionTrackerProvider, usePageViews } from '../src';
import { createTestTracker, delivered, describeEachReactMode } from './helpers';

function RouterPageViews() {
  usePageViews(useLocation());
  return null;
}

function Shop() {
  return (
    <BrowserRouter>
      <RouterPageViews />
      <nav>
        <Link to="/">Home</Link>
        <Link to="/products">Products</Link>
        <Link to="/products/mug?color=red">Mug</Link>
      </nav>
      <Routes>
        <Route path="/" element={<h1>Home</h1>} />
        <Route path="/products" element={<h1>Products</h1>} />
        <Route path="/products/:sku" element={<h1>Product</h1>} />
      </Routes>
    </BrowserRouter>
  );
}

/** Stands in for a Next.js App Router layout: the path comes from `usePathname()`. */
function NextLikeApp({ navigate }: { navigate: (go: (path: string) => void) => void }) {
  const [pathname, setPathname] = useState('/');
  navigate((path) => {
    window.history.pushState(null, '', path);
    setPathname(path);
  });
  usePageViews(pathname, new URLSearchParams(window.location.search));
  return <h1>{pathname}</h1>;
}

describeEachReactMode('usePageViews', ({ render }) => {
  it('records one page view per React Router navigation', async () => {
    const { tracker, memory } = createTestTracker();
    render(
      <SessionTrackerProvider tracker={tracker}>
        <Shop />
      </SessionTrackerProvider>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Products' }));
    expect(screen.getByRole('heading').textContent).toBe('Products');
    fireEvent.click(screen.getByRole('link', { name: 'Mug' }));
    fireEvent.click(screen.getByRole('link', { name: 'Mug' }));
    fireEvent.click(screen.getByRole('link', { name: 'Home' }));
    const views = (await delivered(tracker, memory)).filter((type) => type.startsWith('page:view'));
    expect(views).toEqual([
      'page:view /',
      'page:view /products',
      'page:view /products/mug?color=red',
      'page:view /',
    ]);
    expect(memory.events.filter((event) => event.type === 'session:start')).toHaveLength(1);
  });

  it('records one page view per pathname fed from another router', async () => {
    const { tracker, memory } = createTestTracker();
    let go: (path: string) => void = () => {};
    render(
      <SessionTrackerProvider tracker={tracker}>
        <NextLikeApp
          navigate={(navigate) => {
            go = navigate;
          }}
        />
      </SessionTrackerProvider>,
    );
    act(() => go('/docs'));
    act(() => go('/docs?page=2'));
    const views = (await delivered(tracker, memory)).filter((type) => type.startsWith('page:view'));
    expect(views).toEqual(['page:view /', 'page:view /docs', 'page:view /docs?page=2']);
  });

  it('records the first page view itself when automatic page views are off', async () => {
    const { tracker, memory } = createTestTracker({ capture: { pageViews: false } });
    render(
      <SessionTrackerProvider tracker={tracker}>
        <Shop />
      </SessionTrackerProvider>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Products' }));
    const views = (await delivered(tracker, memory)).filter((type) => type.startsWith('page:view'));
    expect(views).toEqual(['page:view /', 'page:view /products']);
  });

  it('throws an error naming the provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Shop />)).toThrow(/usePageViews\(\) must be used inside <SessionTrackerProvider>/);
  });
});
