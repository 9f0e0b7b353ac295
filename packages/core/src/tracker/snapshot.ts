import type { Unsubscribe } from '../bus';
import type { ConsentState } from '../events';
import { type VisitorSnapshot, visitorSnapshot } from '../personal/snapshot';
import { NO_SESSION_FACTS } from '../personal/visit';
import type { TrackerStatus } from './lifecycle';

/** UI state of a tracker, as adapters read it. Replaced, never mutated, when something changes. */
export interface TrackerSnapshot extends VisitorSnapshot {
  /** The current session id, or null before consent or on the server. */
  readonly sessionId: string | null;
  readonly tabId: string | null;
  readonly consent: ConsentState;
  /**
   * `idle` before start or after the last stop, `running` while started, `destroyed` after
   * destroy(). A started tracker captures only once `consent` is `granted`.
   */
  readonly status: TrackerStatus;
  /** The last failure reported on the bus (listener, capture, transport), if any. */
  readonly lastError: { code: string; message: string } | null;
}

/** The snapshot of a tracker that knows nothing yet: on the server, and before `start()`. */
export function serverSnapshotOf(consent: ConsentState): TrackerSnapshot {
  return Object.freeze({
    sessionId: null,
    tabId: null,
    consent,
    status: 'idle',
    lastError: null,
    ...visitorSnapshot(null),
    ...NO_SESSION_FACTS,
  });
}

/** The snapshot and its listeners: `update` replaces the snapshot only when a value changed. */
export interface SnapshotStore {
  get(): TrackerSnapshot;
  update(patch: Partial<TrackerSnapshot>): void;
  subscribe(listener: () => void): Unsubscribe;
  clear(): void;
}

export function createSnapshotStore(
  initial: TrackerSnapshot,
  onListenerError: (error: unknown) => void,
): SnapshotStore {
  const listeners = new Set<() => void>();
  let snapshot = initial;
  return {
    get: () => snapshot,
    update(patch) {
      const next = { ...snapshot, ...patch };
      const keys = Object.keys(patch) as Array<keyof TrackerSnapshot>;
      if (keys.every((key) => next[key] === snapshot[key])) return;
      snapshot = Object.freeze(next);
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear: () => listeners.clear(),
  };
}
