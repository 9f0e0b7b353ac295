import { hear } from './claim';
import { encodeSession, type StoredSession } from './codec';

/**
 * How long a claim stays open to other tabs' claims. Claims of tabs starting together cross
 * within one BroadcastChannel delivery (about a millisecond between tabs), and a claim heard late
 * is answered, which takes a second one; 50 ms leaves room for tabs still busy loading, and the
 * first events of a visit leaving 50 ms later is something no visitor notices.
 */
const WINDOW_MS = 50;

/** A claim under way: the tab waits until it wins, or the tab it gave way to has decided. */
export interface Claim {
  /** The claim this tab gave way to: the session the winning tab is about to start. */
  winner?: StoredSession;
  /** A message from another tab of the site. */
  hear(message: unknown): void;
  close(): void;
}

/**
 * Without Web Locks: says `mine` to the other tabs of this site (`post`, the cross-tab channel)
 * and waits `WINDOW_MS`; the lowest claim wins (see `hear`). `ready` runs later, never at once,
 * when this tab won; having given way, it waits for the winner's session (which the decider hears)
 * or the decider's longest wait.
 * Undefined when there is no channel to claim on.
 */
export function openClaim(
  mine: StoredSession,
  post: (message: string) => boolean,
  ready: () => void,
): Claim | undefined {
  const say = () => post(`c:${encodeSession(mine)}`);
  if (!say()) return undefined;
  const timer = setTimeout(() => claim.winner || ready(), WINDOW_MS);
  const claim: Claim = {
    hear(message) {
      const heard = hear(mine, claim.winner, message);
      if (heard === 'answer') say();
      else if (heard) claim.winner = heard;
    },
    close: () => clearTimeout(timer),
  };
  return claim;
}
