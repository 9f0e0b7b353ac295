const STORAGE_KEY = 'spoor:replay';

/** When this tab first recorded the session (kept in sessionStorage so reloads count on). */
export function recordingStartedAt(window: Window & typeof globalThis, sessionId: string): number {
  const now = Date.now();
  try {
    const storage = window.sessionStorage;
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as { s?: unknown; t?: unknown } | null;
    if (stored && stored.s === sessionId && typeof stored.t === 'number' && stored.t <= now) return stored.t;
    storage.setItem(STORAGE_KEY, JSON.stringify({ s: sessionId, t: now }));
  } catch {
    // No sessionStorage (sandboxed iframe, privacy mode): count from this page.
  }
  return now;
}
