import { currentUrl as currentHref } from '../env';
import type { EventInput, SessionStartReason } from '../events';
import { createIdentity, type Identity } from '../identity/visitor';
import type { TrackerOptions } from '../options';
import { visitorSnapshot } from '../personal/snapshot';
import { createSessionFacts, NO_SESSION_FACTS } from '../personal/visit';
import type { Session } from '../session/codec';
import type { SnapshotStore } from './snapshot';

/** Who the events are about and what this session did so far, kept in step with the snapshot. */
export interface VisitorState {
  identity: Identity;
  /** Each event of a session, before it is sent: page views and leaves update the session facts. */
  observe(input: EventInput, session: Session): void;
  /** A new session: counted as a visit; a reset one also starts a new visitor. */
  sessionStarted(session: Session, reason: SessionStartReason): void;
  /** Consent denied: forgets the visitor, the user and the session facts. */
  clear(): void;
}

/** `allowed()` says whether the visitor id may be stored now (consent granted, in a browser). */
export function createVisitorState(
  options: TrackerOptions,
  snapshot: SnapshotStore,
  allowed: () => boolean,
): VisitorState {
  const facts = createSessionFacts();
  const identity: Identity = createIdentity(
    options.visitor,
    { preferred: options.session?.storage ?? 'cookie', cookieDomain: options.session?.cookieDomain },
    allowed,
    () => snapshot.update(visitorSnapshot(identity.facts())),
  );
  return {
    identity,
    observe(input, session) {
      const changed = facts.observe(input, session.id, currentHref);
      if (changed) snapshot.update(changed);
    },
    sessionStarted(session, reason) {
      if (reason === 'reset') identity.reset();
      identity.sessionStarted(session.id);
    },
    clear() {
      identity.clear();
      facts.clear();
      snapshot.update(NO_SESSION_FACTS);
    },
  };
}
