import { decodeSession, encodeSession, type StoredSession } from './codec';

/**
 * What tabs say on the claim channel: `c:` this tab needs a new session and offers this one;
 * `d:` this tab has decided, and this is the session it uses.
 */
export const claimMessage = (kind: 'c' | 'd', session: StoredSession): string =>
  `${kind}:${encodeSession(session)}`;

/** What a tab waiting with a claim does on hearing a message. */
export type Heard =
  | { readonly step: 'ignore' }
  /** A claim that loses to this tab's: say this tab's claim again, as its tab may not have heard it. */
  | { readonly step: 'answer' }
  /** A claim that wins: wait for that tab's decision. */
  | { readonly step: 'yield'; readonly to: StoredSession }
  /** Another tab decided: join its session. */
  | { readonly step: 'adopt'; readonly session: StoredSession };

const IGNORE: Heard = { step: 'ignore' };

/**
 * The ranking rule: the claim with the lowest session id wins. Ids are random, so no tab is
 * favoured, and every tab ranks the same claims the same way. `yielded` is the claim this tab
 * already gave way to; anything not a well-formed message is ignored.
 */
export function hear(mine: StoredSession, yielded: StoredSession | undefined, message: unknown): Heard {
  if (typeof message !== 'string') return IGNORE;
  const session = decodeSession(message.slice(2));
  if (!session || session.ended || session.id === mine.id) return IGNORE;
  // A decision on this tab's own claim comes from a tab that gave way: this tab still starts it.
  if (message.startsWith('d:')) return { step: 'adopt', session };
  if (!message.startsWith('c:')) return IGNORE;
  if (session.id < (yielded ?? mine).id) return { step: 'yield', to: session };
  return !yielded && session.id > mine.id ? { step: 'answer' } : IGNORE;
}
