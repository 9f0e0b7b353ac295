import { decodeSession, type StoredSession } from './codec';

/**
 * What a tab waiting with a claim does on hearing a message from another tab: `answer` a claim
 * that loses by saying its own again (that tab may not have heard it), give way to a claim that
 * wins (the claim itself: it is the new winner), and once the winner announces its session
 * (`changed`), `join` it. Undefined: nothing to do.
 */
export type Heard = 'answer' | 'join' | StoredSession | undefined;

/**
 * The ranking rule: the claim (`c:` and a session) with the lowest session id wins. Ids are
 * random, so no tab is favoured, and every tab ranks the same claims the same way. `winner` is
 * the claim this tab already gave way to (the best so far); anything else, or malformed, is ignored.
 */
export function hear(mine: StoredSession, winner: StoredSession | undefined, message: unknown): Heard {
  if (message === 'changed') return winner && 'join';
  const claim = typeof message === 'string' && message.startsWith('c:') && decodeSession(message.slice(2));
  if (!claim) return undefined;
  if (claim.id < (winner ?? mine).id) return claim;
  return !winner && claim.id > mine.id ? 'answer' : undefined;
}
