import { useEffect, useState } from 'react';

// A small history router: the collector answers every /dashboard/* path with the app.
const BASE = '/dashboard';

export function navigate(to: string): void {
  history.pushState(null, '', BASE + to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const read = () => ({
  path: window.location.pathname.slice(BASE.length) || '/',
  search: new URLSearchParams(window.location.search),
});

export function useRoute(): { path: string; search: URLSearchParams } {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onPop = () => setRoute(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}

export const href = (to: string) => BASE + to;
