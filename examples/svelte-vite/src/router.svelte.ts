import type { Action } from 'svelte/action';

// A tiny history router: the current path as rune state, `navigate`, a `link` action for <a>
// elements, and `onNavigate` listeners (what trackNavigation uses for page views).

let path = $state(window.location.pathname);
const listeners = new Set<() => void>();

function update(): void {
  path = window.location.pathname;
  for (const listener of listeners) listener();
}

/** The current route. */
export const route = {
  get path() {
    return path;
  },
};

/** Goes to `to` (a path on this site) without reloading. */
export function navigate(to: string): void {
  if (to === window.location.pathname) return;
  window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  update();
}

/** Calls `listener` after every navigation (links, `navigate`, back and forward). */
export function onNavigate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Follows browser back and forward; returns a function that stops. */
export function startRouter(): () => void {
  window.addEventListener('popstate', update);
  return () => window.removeEventListener('popstate', update);
}

/** `use:link` on an <a href="/…">: plain clicks navigate in the app; modified clicks behave as usual. */
export const link: Action<HTMLAnchorElement> = (anchor) => {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(anchor.pathname);
  };
  anchor.addEventListener('click', onClick);
  return { destroy: () => anchor.removeEventListener('click', onClick) };
};
