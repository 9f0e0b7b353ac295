import { getWindow } from '../env';
import { claimMessage, hear } from './claim';
import type { StoredSession } from './codec';

/**
 * How long a claim stays open to other tabs' claims. Claims of tabs starting together cross
 * within one BroadcastChannel delivery (about a millisecond between tabs), and a claim heard late
 * is answered, which takes a second one; 50 ms leaves room for tabs still busy loading, and the
 * first events of a visit leaving 50 ms later is something no visitor notices.
 */
const WINDOW_MS = 50;

/** A claim under way: the tab waits until it wins, or another tab tells it which session it chose. */
export interface Claim {
  /** The claim this tab gave way to: the session its tab is about to start. */
  readonly yieldedTo: StoredSession | undefined;
  /** The claim is over: tells the other tabs which session this tab uses (none: abandoned). */
  close(decided: StoredSession | undefined): void;
}

/** True where claims can be made: the browser has BroadcastChannel. */
export const canClaim = (): boolean => typeof getWindow()?.BroadcastChannel === 'function';

/**
 * Without Web Locks: announces `mine` to the other tabs of this site and waits `WINDOW_MS`; the
 * lowest claim wins (see `hear`). `ready` runs later, never at once: with nothing when this tab
 * won, with a session when another tab decided first. Undefined when no channel could be opened.
 */
export function openClaim(
  name: string,
  mine: StoredSession,
  ready: (adopted?: StoredSession) => void,
): Claim | undefined {
  let channel: BroadcastChannel;
  try {
    channel = new (getWindow() as Window & typeof globalThis).BroadcastChannel(`spoor:${name}:claim`);
  } catch {
    return undefined;
  }
  let yieldedTo: StoredSession | undefined;
  const post = (message: string) => {
    try {
      channel.postMessage(message);
    } catch {
      // A closed channel: the other tabs decide alone, and re-read the store when they do.
    }
  };
  channel.onmessage = (event: MessageEvent) => {
    const heard = hear(mine, yieldedTo, event.data);
    if (heard.step === 'answer') post(claimMessage('c', mine));
    else if (heard.step === 'yield') yieldedTo = heard.to;
    else if (heard.step === 'adopt') ready(heard.session);
  };
  post(claimMessage('c', mine));
  // Having given way, the tab waits for the winner's word (or the decider's longest wait).
  const timer = setTimeout(() => yieldedTo || ready(), WINDOW_MS);
  return {
    get yieldedTo() {
      return yieldedTo;
    },
    close(decided) {
      clearTimeout(timer);
      if (decided) post(claimMessage('d', decided));
      channel.close();
    },
  };
}
