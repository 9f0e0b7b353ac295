import { afterEach, beforeEach, vi } from 'vitest';
import { clearCookies, destroyTrackers } from '../helpers';

/**
 * One page of the site per test, on fake timers, with empty cookies and storage; afterwards the
 * trackers go, and so do the Web Locks and BroadcastChannel fakes a test installed.
 */
export function useFreshPage(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    clearCookies();
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    destroyTrackers();
    Reflect.deleteProperty(navigator, 'locks');
    Reflect.deleteProperty(globalThis, 'BroadcastChannel');
    vi.restoreAllMocks();
    vi.useRealTimers();
  });
}
