/** Limits that protect the page from mutation storms and runaway memory. */
export interface ReplayBudget {
  /**
   * Length of the window the limits apply to, in milliseconds.
   * @default 10_000
   */
  windowMs?: number;
  /**
   * DOM changes (mutation records plus every element they add) allowed per window.
   * @default 20_000
   */
  maxMutations?: number;
  /**
   * Bytes of incremental recording (full snapshots excluded) allowed per window.
   * @default 2_000_000
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
  maxBytes: 2_000_000,
  pauseMs: 30_000,
} satisfies Required<ReplayBudget>;

export type BudgetReason = 'mutations' | 'bytes';

/** Counts DOM changes and recorded bytes per window and calls `onExceeded` once a limit is passed. */
export interface BudgetGuard {
  /** Starts watching the document. Call before the recorder starts (see below). */
  start(): void;
  addBytes(bytes: number): void;
  stop(): void;
}

export function createBudgetGuard(
  window: Window & typeof globalThis,
  document: Document,
  budget: Required<ReplayBudget>,
  onExceeded: (reason: BudgetReason) => void,
): BudgetGuard {
  let observer: MutationObserver | undefined;
  let windowStart = 0;
  let mutations = 0;
  let bytes = 0;
  let tripped = false;

  const roll = () => {
    const now = Date.now();
    if (now - windowStart >= budget.windowMs) {
      windowStart = now;
      mutations = 0;
      bytes = 0;
    }
  };
  const trip = (reason: BudgetReason) => {
    if (tripped) return;
    tripped = true;
    onExceeded(reason);
  };

  return {
    start() {
      tripped = false;
      windowStart = Date.now();
      mutations = 0;
      bytes = 0;
      const Observer = window.MutationObserver;
      if (!Observer) return;
      // Mutation observers are notified in the order they were created. This one is created before
      // the recorder's, so a storm is caught (and the recorder stopped, which drops its pending
      // records) before the recorder spends time serialising it.
      observer = new Observer((records) => {
        roll();
        for (const change of records) {
          mutations += 1;
          for (const node of change.addedNodes) {
            if (node.nodeType === 1) mutations += 1 + (node as Element).getElementsByTagName('*').length;
          }
        }
        if (mutations > budget.maxMutations) trip('mutations');
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    },
    addBytes(size) {
      roll();
      bytes += size;
      if (bytes > budget.maxBytes) trip('bytes');
    },
    stop() {
      observer?.disconnect();
      observer = undefined;
    },
  };
}
