import type { StoredSession } from './codec';

/**
 * What a tab says to the others: the session it started (`s`), the session it claims while deciding
 * without Web Locks (`c`), the id of the session it ended (`e`), or none of these (the stored
 * session changed). Only Spoor posts on this same-origin channel, so messages are taken as said.
 */
export type TabMessage =
  | { readonly s?: StoredSession; readonly c?: StoredSession; readonly e?: string }
  | undefined;
