/** What delivery does when the page is left, shown again or back online. */
export interface PageHandlers {
  /** The page is being left or hidden: send what waits, once per exit. */
  exit(): void;
  /** The page is shown again: the next exit sends again. */
  rearm(): void;
  /** The page is gone for good: give the stored batches to the next page. */
  release(): void;
  /** Back from the back/forward cache: take back what another page did not. */
  reclaim(): void;
  online(): void;
}

/** Listens to the page's exit, show and online events; returns the function that stops listening. */
export function listenToPage(win: Window, handlers: PageHandlers): () => void {
  const doc = win.document;
  const cleanups: (() => void)[] = [];
  const listen = (target: EventTarget, type: string, handler: (event: Event) => void) => {
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };
  listen(win, 'pagehide', () => {
    handlers.exit();
    handlers.release();
  });
  listen(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'hidden') handlers.exit();
    else handlers.rearm();
  });
  listen(win, 'pageshow', (event) => {
    handlers.rearm();
    if ((event as PageTransitionEvent).persisted) handlers.reclaim();
  });
  listen(win, 'online', handlers.online);
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
