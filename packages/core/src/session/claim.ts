import type { StoredSession } from './codec';
import type { TabMessage } from './crossTab';

/**
 * What a tab waiting with a claim does on hearing a message from another tab: `answer` a claim
 * that loses by saying its own again (that tab may not have heard it), or give way to a claim that
 * wins (the claim itself: it is the new winner). Undefined: nothing to do. (The session the winner
 * then starts is joined by the decider, see `SessionDecider.hear`.)
 */
export type Heard = 'answer' | StoredSession | undefined;

/**
 * The ranking rule: the claim (`{ c: session }`) with the lowest session id wins. Ids are random,
 * so no tab is favoured, and every tab ranks the same claims the same way. `winner` is the claim
 * this tab already gave way to (the best so far); any other message is ignored.
 */
export function hear(mine: StoredSession, winner: StoredSession | undefined, message: TabMessage): Heard {
  const claim = message?.c;
  if (!claim) return undefined;
  if (claim.id < (winner ?? mine).id) return claim;
  return !winner && claim.id > mine.id ? 'answer' : undefined;
}
