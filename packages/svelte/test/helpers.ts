import { createMemoryTransport, createTracker, type TrackerOptions } from '@spoor/core';

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

/** Forgets what earlier tests stored: consent and session cookies, Web Storage. */
export function clearBrowserStorage(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  localStorage.clear();
  sessionStorage.clear();
}
