import type { VisitorFacts } from '../identity/visitor';
import type { SessionFacts } from './visit';

/** What the snapshot says about the visitor, for personalising the page. Read in the page only. */
export interface VisitorSnapshot extends SessionFacts {
  /** The persistent visitor id, or null before consent, with `visitor.enabled: false`, or on the server. */
  readonly visitorId: string | null;
  /** The user named with `identify()`, or null. */
  readonly userId: string | null;
  /** Sessions this visitor has started in this browser (1 on the first visit); 0 while unknown. */
  readonly visitCount: number;
  /** When this visitor was first seen (ms since epoch), or null while unknown. */
  readonly firstSeenAt: number | null;
  /** True from the second session on; false on the first, and while unknown. */
  readonly returning: boolean;
}

/** The snapshot's visitor fields for `facts` (null: nothing known, as on the server). */
export function visitorSnapshot(facts: VisitorFacts | null): Omit<VisitorSnapshot, keyof SessionFacts> {
  return {
    visitorId: facts?.visitorId ?? null,
    userId: facts?.userId ?? null,
    visitCount: facts?.visits ?? 0,
    firstSeenAt: facts?.firstSeen ?? null,
    returning: (facts?.visits ?? 0) > 1,
  };
}
