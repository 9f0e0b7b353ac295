/**
 * The visitor record kept first-party: `1|<visitorId>|<firstSeen>|<visits>|<lastSessionId>|<userId>`
 * (numbers in base 36, the user id last because it may contain anything). One small value, so
 * one cookie read answers every question the snapshot asks about the visitor.
 */
export interface VisitorRecord {
  id: string;
  /** When this visitor id was created (ms since epoch); the record expires `maxAge` after it. */
  firstSeen: number;
  /** Sessions started in this browser under this visitor id. */
  visits: number;
  /** The session last counted, so a session is counted once however many tabs see it. */
  lastSessionId: string;
  userId: string;
}

export function encodeRecord(record: VisitorRecord): string {
  return [
    '1',
    record.id,
    record.firstSeen.toString(36),
    record.visits.toString(36),
    record.lastSessionId,
    record.userId,
  ].join('|');
}

/** The record in `raw`, or null when it is missing or not one of ours. */
export function decodeRecord(raw: string | null): VisitorRecord | null {
  if (!raw) return null;
  const parts = raw.split('|');
  if (parts.length < 6 || parts[0] !== '1') return null;
  const [, id = '', first = '', visits = '', lastSessionId = ''] = parts;
  const firstSeen = Number.parseInt(first, 36);
  const count = Number.parseInt(visits, 36);
  if (!/^[\w-]{8,128}$/.test(id) || !Number.isFinite(firstSeen) || !Number.isFinite(count)) return null;
  return { id, firstSeen, visits: Math.max(1, count), lastSessionId, userId: parts.slice(5).join('|') };
}
