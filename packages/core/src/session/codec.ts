/** A live session. */
export interface Session {
  readonly id: string;
  readonly startedAt: number;
  readonly lastActivity: number;
}

/** A session as the cookie (or localStorage) holds it. */
export interface StoredSession extends Session {
  /** Set once some tab has announced the session's end, so no other tab announces it again. */
  ended: boolean;
}

// Compact and fixed-size: `<id>.<startedAt base36>.<lastActivity base36>[.e]`.
export function encodeSession(session: StoredSession): string {
  return `${session.id}.${session.startedAt.toString(36)}.${session.lastActivity.toString(36)}${session.ended ? '.e' : ''}`;
}

/** The stored session, or null for a missing or unreadable value. */
export function decodeSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  const [id, started, last, flag] = raw.split('.');
  const startedAt = Number.parseInt(started ?? '', 36);
  const lastActivity = Number.parseInt(last ?? '', 36);
  if (!id || !Number.isFinite(startedAt) || !Number.isFinite(lastActivity)) return null;
  return { id, startedAt, lastActivity, ended: flag === 'e' };
}
