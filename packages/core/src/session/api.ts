import type { SessionEndReason, SessionStartReason } from '../events';
import type { Session } from './codec';

export interface SessionCallbacks {
  onStart(session: Session, reason: SessionStartReason, previousSessionId: string | undefined): void;
  onEnd(session: Session, reason: SessionEndReason): void;
  /** The current session changed without this tab starting it (another tab rotated it). */
  onChange(session: Session | null): void;
}

/** The session manager: one session shared by every tab, rotated on idleness and age. */
export interface SessionManager {
  readonly tabId: string;
  /** The next sequence number of this tab: increasing across reloads of the tab. */
  nextSeq(): number;
  /** The stored session if it is still live, without extending it. */
  current(): Session | null;
  /**
   * The session an event that is not activity belongs to: the live one, else the one that just
   * expired (its page:leave or replay tail), and a new one only when there has never been one.
   */
  peek(): Session;
  /**
   * A live session, starting one when there is none; `activity` extends it. Where another tab may
   * be starting one at the same instant, the answer is provisional until `settled()`.
   */
  ensure(activity: boolean, reasonIfNew?: SessionStartReason): Session;
  /** No decision is under way: the session `ensure` and `peek` give is the one events carry. */
  settled(): boolean;
  /** Runs `fn` once the session is decided (at once when it is). */
  whenSettled(fn: () => void): void;
  /** Ends the current session and starts a fresh one (logout). */
  reset(): Session;
  /** Ends the session and forgets the stored ids (consent withdrawn). */
  clear(): void;
  /** Starts the expiry timer and cross-tab listening. */
  start(): void;
  stop(): void;
}
