import type { TrackerEvent } from '../events';
import { createHandoff, type Handoff } from './handoff';

/** A batch as it is kept across page loads. */
export interface StoredBatch {
  id: string;
  /** The name of the transport whose queue owns it. */
  transport: string;
  /** The tab (delivery instance) that may send it; others take it over once that tab is gone. */
  owner: string;
  createdAt: number;
  attempt: number;
  bytes: number;
  events: TrackerEvent[];
}

/** What never changes for a stored batch's id: its size and age. */
export interface BatchSize {
  id: string;
  bytes: number;
  createdAt: number;
}

/** One atomic read-modify-write over everything stored. */
export interface StoreDraft {
  /** The stored batches read (see `transact`'s `reads`). */
  readonly batches: readonly StoredBatch[];
  /** The size and age of every stored batch (of those read, when read by id). */
  readonly sizes: readonly BatchSize[];
  /** Owner id → last heartbeat (0 once released). */
  readonly owners: Readonly<Record<string, number>>;
  put(batch: StoredBatch): void;
  remove(id: string): void;
  /** Removes a batch and hands its stored body to `read` before deleting it (once written). */
  take(id: string, read: (batch: StoredBatch) => void): void;
  beat(owner: string, at: number): void;
  forget(owner: string): void;
}

type StoreReads = readonly string[] | 'sizes';

/** Where stored batches live (IndexedDB, localStorage or memory). `transact` is atomic across tabs. */
export interface StoreBackend {
  readonly kind: 'indexeddb' | 'localStorage' | 'memory';
  /**
   * `reads`: which bodies the draft's `batches` hold. Every stored batch by default; an array of
   * ids: those, read by key (`[]`: none); `'sizes'`: none, only `sizes` is needed.
   */
  transact<TResult>(fn: (draft: StoreDraft) => TResult, reads?: StoreReads): Promise<TResult>;
  clear(): Promise<void>;
}

export interface BatchStoreOptions {
  maxBytes: number;
  maxAgeMs: number;
  leaseMs: number;
  /**
   * Synchronous storage for batches sealed at page exit, for a backend that is asynchronous: a page
   * being unloaded may never see its IndexedDB transaction commit, nor a backend's chunk arrive.
   * Imported on the next claim.
   */
  spill?: { storage: Storage; prefix: string };
  /** Where released owners and backoffs are handed to the next page (default: nowhere). */
  handoff?: Handoff;
}

/** The ownership rules on top of a backend: one tab sends a stored batch, never two. */
export interface BatchStore {
  readonly kind: StoreBackend['kind'];
  /** Stores a batch; returns the batches evicted (oldest first) to stay within `maxBytes`. */
  put(batch: StoredBatch): Promise<StoredBatch[]>;
  remove(ids: string[]): Promise<void>;
  /** Takes over the batches of `transport` whose owner is gone; drops those older than `maxAgeMs`. */
  claim(
    owner: string,
    transport: string,
    now: number,
  ): Promise<{ claimed: StoredBatch[]; expired: StoredBatch[] }>;
  /** Of `ids`, those this owner may still send (another live tab may have taken the others over). */
  reown(owner: string, ids: string[], now: number): Promise<Set<string>>;
  /** Gives up the owner's lease; lands synchronously (through `handoff`) even at page exit. */
  release(owner: string): Promise<void>;
  /** Synchronous state handed to the next page: released owners, backoffs. */
  readonly handoff: Handoff;
  /** Page exit: keeps a batch synchronously (when the backend cannot); false when it could not. */
  spill(batch: StoredBatch): boolean;
  clear(): Promise<void>;
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export function createBatchStore(backend: StoreBackend, options: BatchStoreOptions): BatchStore {
  const spillTo = options.spill && {
    storage: options.spill.storage,
    prefix: `${options.spill.prefix}:spill:`,
  };
  const readSpill = (): StoredBatch[] => {
    if (!spillTo) return [];
    const found: StoredBatch[] = [];
    try {
      for (let i = 0; i < spillTo.storage.length; i++) {
        const key = spillTo.storage.key(i);
        const raw = key?.startsWith(spillTo.prefix) ? spillTo.storage.getItem(key) : null;
        if (raw) found.push(JSON.parse(raw) as StoredBatch);
      }
    } catch {
      // Unreadable spill: what was read so far is still imported.
    }
    return found;
  };
  const unspill = (ids: readonly string[]) => {
    if (!spillTo) return;
    for (const id of ids) {
      try {
        spillTo.storage.removeItem(spillTo.prefix + id);
      } catch {
        // Nothing to do: a stale spill is imported once and then sent or dropped.
      }
    }
  };
  const handoff = options.handoff ?? createHandoff(undefined, '');
  const alive = (draft: StoreDraft, owner: string, now: number) =>
    (draft.owners[owner] ?? 0) >= now - options.leaseMs;

  // `evicted` outlives a failed write: localStorage has already removed what it evicted by then.
  // Reads no bodies but those it evicts (an entry stays `undefined` until its body is read).
  const putWithin = (batch: StoredBatch, budget: number, evicted: Map<string, StoredBatch | undefined>) =>
    backend.transact((draft) => {
      const others = draft.sizes.filter((b) => b.id !== batch.id).sort((a, b) => a.createdAt - b.createdAt);
      let total = batch.bytes + others.reduce((sum, b) => sum + b.bytes, 0);
      for (const old of others) {
        if (total <= budget) break;
        if (!evicted.get(old.id)) evicted.set(old.id, undefined);
        draft.take(old.id, (body) => evicted.set(old.id, body));
        total -= old.bytes;
      }
      if (total <= budget) draft.put(batch);
      else evicted.set(batch.id, batch);
    }, 'sizes');

  return {
    get kind() {
      return backend.kind;
    },
    handoff,
    async put(batch) {
      const evicted = new Map<string, StoredBatch | undefined>();
      try {
        await putWithin(batch, options.maxBytes, evicted);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        // The browser's quota is smaller than ours: make room by halving what we keep, once.
        await putWithin(batch, Math.floor(options.maxBytes / 2), evicted);
      }
      return [...evicted.values()].filter((b) => b !== undefined);
    },
    async remove(ids) {
      if (ids.length === 0) return;
      unspill(ids);
      await backend.transact((draft) => {
        for (const id of ids) draft.remove(id);
      }, []);
    },
    async claim(owner, transport, now) {
      const spilled = readSpill();
      const released = handoff.takeReleased();
      const result = await backend.transact((draft) => {
        // An owner released at exit whose release may not have committed: not alive, unless it
        // came back (from the back/forward cache) and beat since.
        for (const [other, at] of Object.entries(released)) {
          if (other !== owner && (draft.owners[other] ?? 0) <= at) draft.beat(other, 0);
        }
        draft.beat(owner, now);
        const known = new Set(draft.batches.map((b) => b.id));
        const imported = spilled.filter((b) => !known.has(b.id));
        for (const batch of imported) draft.put(batch);
        const claimed: StoredBatch[] = [];
        const expired: StoredBatch[] = [];
        for (const batch of [...draft.batches, ...imported]) {
          if (batch.createdAt < now - options.maxAgeMs) {
            draft.remove(batch.id);
            expired.push(batch);
          } else if (
            batch.transport === transport &&
            batch.owner !== owner &&
            !alive(draft, batch.owner, now)
          ) {
            const mine = { ...batch, owner };
            draft.put(mine);
            claimed.push(mine);
          }
        }
        for (const [other, at] of Object.entries(draft.owners)) {
          if (other !== owner && at < now - options.maxAgeMs) draft.forget(other);
        }
        claimed.sort((a, b) => a.createdAt - b.createdAt);
        return { claimed, expired };
      });
      unspill(spilled.map((b) => b.id));
      return result;
    },
    reown(owner, ids, now) {
      return backend.transact((draft) => {
        draft.beat(owner, now);
        const byId = new Map(draft.batches.map((b) => [b.id, b]));
        const kept = new Set<string>();
        for (const id of ids) {
          const batch = byId.get(id);
          if (!batch) continue;
          if (batch.owner === owner || !alive(draft, batch.owner, now)) {
            if (batch.owner !== owner) draft.put({ ...batch, owner });
            kept.add(id);
          }
        }
        return kept;
      }, ids);
    },
    async release(owner) {
      handoff.release(owner, Date.now());
      await backend.transact((draft) => draft.beat(owner, 0), []);
    },
    spill(batch) {
      if (!spillTo) return false;
      try {
        spillTo.storage.setItem(spillTo.prefix + batch.id, JSON.stringify(batch));
        return true;
      } catch {
        return false;
      }
    },
    async clear() {
      unspill(readSpill().map((b) => b.id));
      handoff.clear();
      await backend.clear();
    },
  };
}
