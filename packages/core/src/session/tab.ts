import { getStorage } from '../env';
import { createId } from '../id';

const TAB_KEY = 'spoor_tab';
const SEQ_KEY = 'spoor_seq';
const SEQ_BLOCK = 256;

/** This tab's id and sequence numbers, both kept in sessionStorage across reloads of the tab. */
export interface TabSequence {
  readonly tabId: string;
  /** The next sequence number of this tab: increasing across reloads of the tab. */
  nextSeq(): number;
  /** Forgets the id and the counter (consent withdrawn). */
  clear(): void;
}

function readTabId(): string {
  const storage = getStorage('sessionStorage');
  try {
    const existing = storage?.getItem(TAB_KEY);
    if (existing) return existing;
    const id = createId();
    storage?.setItem(TAB_KEY, id);
    return id;
  } catch {
    return createId();
  }
}

/** Touches sessionStorage only when first used. */
export function createTabSequence(): TabSequence {
  let tabId: string | undefined;
  let seq: number | undefined;
  let reserved = 0;
  // Resolved once: probing storage on every event would cost more than the write itself.
  let tabStorage: Storage | undefined | null = null;

  return {
    get tabId() {
      tabId ??= readTabId();
      return tabId;
    },
    nextSeq() {
      if (tabStorage === null) tabStorage = getStorage('sessionStorage');
      if (seq === undefined) {
        const stored = Number(tabStorage?.getItem(SEQ_KEY));
        seq = Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
        reserved = seq;
      }
      // Numbers are reserved a block at a time, so storage is written once per block rather
      // than once per event; a reload starts after the block (gaps are fine, repeats are not).
      if (seq >= reserved) {
        reserved = seq + SEQ_BLOCK;
        try {
          tabStorage?.setItem(SEQ_KEY, String(reserved));
        } catch {
          // Full or unavailable: the counter still increases within this page.
        }
      }
      return seq++;
    },
    clear() {
      try {
        const storage = getStorage('sessionStorage');
        storage?.removeItem(TAB_KEY);
        storage?.removeItem(SEQ_KEY);
      } catch {
        // Already gone.
      }
      tabId = undefined;
      seq = undefined;
    },
  };
}
