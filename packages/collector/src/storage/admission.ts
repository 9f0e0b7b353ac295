// Which newly sent events a stored session still takes: a session is not extended past its
// maximum duration, its visitor id is not rewritten by a later writer, and it holds a bounded
// number of events. Pure: the storages look up the sessions and apply the answer.
import type { SessionRules } from './sessionRules';
import type { RefusedEvent, StoredEvent } from './storage';

/** What the storage knows of a session before the batch. */
export interface SessionState {
  visitorId: string | null;
  /** When its first event was received (ms since epoch). */
  firstReceived: number;
  eventCount: number;
}

export interface Admission {
  admitted: StoredEvent[];
  refused: RefusedEvent[];
}

export function admit(
  events: StoredEvent[],
  sessions: Map<string, SessionState>,
  batch: { visitorId?: string; receivedAt: number },
  rules: SessionRules,
): Admission {
  const admitted: StoredEvent[] = [];
  const refused: RefusedEvent[] = [];
  const added = new Map<string, number>();
  const refuse = (event: StoredEvent, code: string, message: string) =>
    refused.push({ path: `event ${event.id}`, code, message });
  // An event names its own visitor since identity; older trackers name one per batch.
  const visitorOf = (event: StoredEvent) => event.visitorId ?? batch.visitorId;
  for (const event of events) {
    const session = sessions.get(event.sessionId);
    const count = (session?.eventCount ?? 0) + (added.get(event.sessionId) ?? 0);
    if (session && batch.receivedAt - session.firstReceived > rules.maxSessionMs) {
      refuse(event, 'session-closed', `session ${event.sessionId} is past its maximum duration`);
    } else if (session?.visitorId && visitorOf(event) && visitorOf(event) !== session.visitorId) {
      refuse(event, 'visitor-mismatch', `session ${event.sessionId} belongs to another visitor`);
    } else if (count >= rules.maxSessionEvents) {
      refuse(
        event,
        'session-full',
        `session ${event.sessionId} holds ${rules.maxSessionEvents} events already`,
      );
    } else {
      added.set(event.sessionId, (added.get(event.sessionId) ?? 0) + 1);
      admitted.push(event);
    }
  }
  return { admitted, refused };
}
