// What the packages' happy-dom suites share: a tracker that delivers to memory, capture turned
// off, and a clean slate of cookies and Web Storage between tests.
import { type CaptureOptions, createMemoryTransport, createTracker, type TrackerOptions } from '@spoor/core';

/** Every capture source off: the test drives events itself (`track()`, a plugin). */
export const NO_CAPTURE = {
  pageViews: false,
  clicks: false,
  pointer: false,
  scroll: false,
  inputs: false,
  visibility: false,
  errors: false,
} as const satisfies Required<CaptureOptions>;

/** A tracker that delivers to memory, with the events it has sent so far. */
export function createTestTracker(options: TrackerOptions = {}) {
  const transport = createMemoryTransport();
  const tracker = createTracker({ transport, ...options });
  const sent = async () => {
    await tracker.flush();
    return transport.events;
  };
  return { tracker, transport, sent };
}

/** Removes every cookie of the test document (consent, session). */
export function clearCookies(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`;
  }
}

/** Forgets what earlier tests stored: cookies and Web Storage. */
export function clearBrowserStorage(): void {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
}
