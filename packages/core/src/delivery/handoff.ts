/** A transport's wait before its next send, kept across page loads. */
export interface SavedBackoff {
  /** No send before this time (ms since the epoch). */
  until: number;
  /** Failed sends in a row. */
  failures: number;
}

/**
 * What a page hands to the next one synchronously: an IndexedDB transaction started at
 * `pagehide` may never commit, so owners released at exit and each transport's backoff are kept
 * in localStorage. Without it (`persist: false`) nothing is handed over: the page's own memory
 * already holds both.
 */
export interface Handoff {
  /** Page exit: the owner gives up its lease, so the next page sends its batches at once. */
  release(owner: string, at: number): void;
  /** Owner → when it left, for owners released at exit; each is read once. */
  takeReleased(): Record<string, number>;
  loadBackoff(transport: string): SavedBackoff | null;
  /** `null`: the transport is not waiting (any saved wait is forgotten). */
  saveBackoff(transport: string, backoff: SavedBackoff | null): void;
  /** Forgets everything (consent denied). */
  clear(): void;
}

export function createHandoff(storage: Storage | undefined, prefix: string): Handoff {
  const released = `${prefix}:released:`;
  const backoff = `${prefix}:backoff:`;
  // Full or blocked storage: the next page waits for the lease, or starts without the wait.
  const attempt = <TResult>(fn: (storage: Storage) => TResult, fallback: TResult): TResult => {
    try {
      return storage ? fn(storage) : fallback;
    } catch {
      return fallback;
    }
  };
  const keys = (start: string) =>
    attempt((s) => Object.keys(s).filter((key) => key.startsWith(start)), [] as string[]);
  const take = (key: string) =>
    attempt((s) => {
      const value = s.getItem(key);
      s.removeItem(key);
      return value;
    }, null);

  return {
    release: (owner, at) => attempt((s) => s.setItem(released + owner, String(at)), undefined),
    takeReleased() {
      const found: Record<string, number> = {};
      for (const key of keys(released)) found[key.slice(released.length)] = Number(take(key));
      return found;
    },
    loadBackoff(transport) {
      const [until, failures] = attempt((s) => s.getItem(backoff + transport), null)?.split('|') ?? [];
      return until && failures ? { until: Number(until), failures: Number(failures) } : null;
    },
    saveBackoff(transport, wait) {
      attempt(
        (s) =>
          wait
            ? s.setItem(backoff + transport, `${wait.until}|${wait.failures}`)
            : s.removeItem(backoff + transport),
        undefined,
      );
    },
    clear() {
      for (const key of [...keys(released), ...keys(backoff)]) take(key);
    },
  };
}
