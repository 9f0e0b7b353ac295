/** Limits that protect the page from mutation storms and runaway memory. */
export interface ReplayBudget {
  /**
   * Length of the rolling window the limits apply to, in milliseconds: the limits count what was
   * recorded in the last `windowMs`, whenever that was, never since the recording started.
   * @default 10_000
   */
  windowMs?: number;
  /**
   * DOM changes (mutation records plus every element they add) allowed per window.
   * @default 20_000
   */
  maxMutations?: number;
  /**
   * Bytes of incremental recording (full snapshots excluded) allowed per window, about 1 MB/s:
   * about twice the rate of the busiest workload we benchmark (an SPA swapping 720 elements several
   * times a second).
   * @default 10_000_000
   */
  maxBytes?: number;
  /**
   * How long recording pauses once a limit is reached; it resumes with a full snapshot.
   * @default 30_000
   */
  pauseMs?: number;
}

export const DEFAULT_BUDGET = {
  windowMs: 10_000,
  maxMutations: 20_000,
  maxBytes: 10_000_000,
  pauseMs: 30_000,
} satisfies Required<ReplayBudget>;

export type BudgetReason = 'mutations' | 'bytes';

/** Counts DOM changes and recorded bytes over a rolling window and calls `onExceeded` once a limit is passed. */
export interface BudgetGuard {
  /** Starts watching the document. Call before the recorder starts (see below). */
  start(): void;
  addBytes(bytes: number): void;
  stop(): void;
}

/** Slices of a window: usage is counted per slice, so the window rolls in steps of `windowMs / 10`. */
const SLICES = 10;

/**
 * A sum over the last `windowMs`, kept in a fixed ring of slices (bounded memory however long it runs).
 * Unlike a window that restarts every `windowMs`, a burst that straddles two windows is seen whole.
 */
function createRollingCounter(windowMs: number) {
  const sliceMs = Math.max(1, windowMs / SLICES);
  const slices = new Float64Array(SLICES);
  let current = 0;
  let total = 0;
  const advance = (now: number) => {
    const slice = Math.floor(now / sliceMs);
    if (slice <= current) return;
    if (slice - current >= SLICES) {
      slices.fill(0);
      total = 0;
    } else {
      for (let index = current + 1; index <= slice; index++) {
        total -= slices[index % SLICES]!;
        slices[index % SLICES] = 0;
      }
    }
    current = slice;
  };
  return {
    add(amount: number, now: number): number {
      advance(now);
      slices[current % SLICES]! += amount;
      total += amount;
      return total;
    },
    reset() {
      slices.fill(0);
      total = 0;
    },
  };
}

export function createBudgetGuard(
  window: Window & typeof globalThis,
  document: Document,
  budget: Required<ReplayBudget>,
  onExceeded: (reason: BudgetReason) => void,
): BudgetGuard {
  let observer: MutationObserver | undefined;
  const mutations = createRollingCounter(budget.windowMs);
  const bytes = createRollingCounter(budget.windowMs);
  let tripped = false;

  const trip = (reason: BudgetReason) => {
    if (tripped) return;
    tripped = true;
    onExceeded(reason);
  };

  return {
    start() {
      tripped = false;
      mutations.reset();
      bytes.reset();
      const Observer = window.MutationObserver;
      if (!Observer) return;
      // Mutation observers are notified in the order they were created. This one is created before
      // the recorder's, so a storm is caught (and the recorder stopped, which drops its pending
      // records) before the recorder spends time serialising it.
      observer = new Observer((records) => {
        let changes = 0;
        for (const change of records) {
          changes += 1;
          for (const node of change.addedNodes) {
            if (node.nodeType === 1) changes += 1 + (node as Element).getElementsByTagName('*').length;
          }
        }
        if (mutations.add(changes, Date.now()) > budget.maxMutations) trip('mutations');
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    },
    addBytes(size) {
      if (bytes.add(size, Date.now()) > budget.maxBytes) trip('bytes');
    },
    stop() {
      observer?.disconnect();
      observer = undefined;
    },
  };
}
