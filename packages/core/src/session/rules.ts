import type { SessionEndReason, SessionStartReason } from '../events';
import type { Session, StoredSession } from './codec';

/** How long a session may last. */
export interface SessionLimits {
  idleTimeoutMs: number;
  maxDurationMs: number;
}

/** When a session expires: after `idleTimeoutMs` without activity, or `maxDurationMs` after it began. */
export function expiryOf(session: Session, limits: SessionLimits): number {
  return Math.min(session.lastActivity + limits.idleTimeoutMs, session.startedAt + limits.maxDurationMs);
}

/** Why a session that has expired at `at` ended. */
export function whyExpired(session: Session, at: number, limits: SessionLimits): SessionEndReason {
  return at >= session.startedAt + limits.maxDurationMs ? 'max-duration' : 'idle';
}

/** The stored session is still the live one at `at`. */
export function isLive(stored: StoredSession | null, at: number, limits: SessionLimits): boolean {
  return !!stored && !stored.ended && at < expiryOf(stored, limits);
}

/** What to do with the stored session when an event needs a live one. */
export type NextStep =
  | { step: 'continue' }
  | { step: 'end-and-rotate'; reason: SessionEndReason }
  | { step: 'rotate'; reason: SessionEndReason }
  | { step: 'begin'; reason: SessionStartReason };

/**
 * The rotation rule: a live session continues; an expired one is ended (unless some tab already
 * announced its end) and replaced, the new one starting for the same reason; with none, one begins.
 */
export function nextStep(
  stored: StoredSession | null,
  at: number,
  limits: SessionLimits,
  reasonIfNew: SessionStartReason = 'new',
): NextStep {
  if (!stored) return { step: 'begin', reason: reasonIfNew };
  if (isLive(stored, at, limits)) return { step: 'continue' };
  const reason = whyExpired(stored, at, limits);
  return stored.ended ? { step: 'rotate', reason } : { step: 'end-and-rotate', reason };
}
