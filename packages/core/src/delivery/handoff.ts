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
 * in localStorage (or in memory when delivery keeps nothing across loads).
 */
export interface Handoff {
  /** Page exit: the owner gives up its lease, so the next page sends its batches at once. */
  release(owner: string, at: number): void;
  /** Owner → when it left, for owners released at exit and not yet seen by a claim. */
  released(): Record<string, number>;
  forgetReleased(owners: readonly string[]): void;
  loadBackoff(transport: string): SavedBackoff | null;
  /** `null`: the transport is not waiting (any saved wait is forgotten). */
  saveBackoff(transport: string, backoff: SavedBackoff | null): void;
  /** Forgets everything (consent denied). */
  clear(): void;
}

/** `storage` undefined: kept in this page only. */
export function createHandoff(storage: Storage | undefined, prefix: string): Handoff {
  const releasedKey = `${prefix}:released:`;
  const backoffKey = `${prefix}:backoff:`;
  const memory = new Map<string, string>();
  const get = (key: string) => {
    try {
      return storage ? storage.getItem(key) : (memory.get(key) ?? null);
    } catch {
      return null;
    }
  };
  const set = (key: string, value: string | null) => {
    try {
      if (!storage) value === null ? memory.delete(key) : memory.set(key, value);
      else if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch {
      // Full or blocked: the next page waits for the lease, or starts without the wait.
    }
  };
  const keys = (prefixed: string): string[] => {
    if (!storage) return [...memory.keys()].filter((key) => key.startsWith(prefixed));
    const found: string[] = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefixed)) found.push(key);
      }
    } catch {
      // Unreadable: nothing handed over.
    }
    return found;
  };

  return {
    release: (owner, at) => set(releasedKey + owner, String(at)),
    released() {
      const found: Record<string, number> = {};
      for (const key of keys(releasedKey)) {
        const at = Number(get(key));
        if (Number.isFinite(at)) found[key.slice(releasedKey.length)] = at;
      }
      return found;
    },
    forgetReleased(owners) {
      for (const owner of owners) set(releasedKey + owner, null);
    },
    loadBackoff(transport) {
      try {
        const saved = JSON.parse(get(backoffKey + transport) ?? 'null') as Partial<SavedBackoff> | null;
        if (typeof saved?.until !== 'number' || typeof saved.failures !== 'number') return null;
        return { until: saved.until, failures: saved.failures };
      } catch {
        return null;
      }
    },
    saveBackoff(transport, backoff) {
      set(backoffKey + transport, backoff ? JSON.stringify(backoff) : null);
    },
    clear() {
      for (const key of [...keys(releasedKey), ...keys(backoffKey)]) set(key, null);
    },
  };
}
