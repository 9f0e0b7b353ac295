import { now } from '../env';
import { createId } from '../id';
import { createTabChannel } from '../shared/tabChannel';
import { type KeyValueStore, openStore } from '../storage';
import { decodeRecord, encodeRecord, type VisitorRecord } from './record';

/** The persistent visitor id. */
export interface VisitorOptions {
  /** Keep a random first-party visitor id across sessions (only once consent allows). @default true */
  enabled?: boolean;
  /** Days the id lives from its creation; not extended by visits. At most 395 (13 months). @default 395 */
  maxAgeDays?: number;
  /** Name of the cookie (or localStorage key) holding it. @default 'spoor_vid' */
  cookieName?: string;
}

const DEFAULT_VISITOR_MAX_AGE_DAYS = 395;
const DAY_MS = 86_400_000;

/** What the visitor record tells the page, for personalisation. */
export interface VisitorFacts {
  visitorId: string | null;
  userId: string | null;
  visits: number;
  firstSeen: number | null;
}

/** The visitor and user the events are about; state: `unknown` until consent allows, then `known`. */
export interface Identity {
  /** Envelope fields for the next event (`visitorId`, `userId`), creating the visitor if allowed. */
  fields(sessionId: string): { visitorId?: string; userId?: string };
  /** Counts a session the first time it starts, in whichever tab starts it. */
  sessionStarted(sessionId: string): void;
  setUser(userId: string): void;
  /** Forgets the user and the visitor: the next event gets a new visitor id. */
  reset(): void;
  /** Deletes what is stored (consent denied). */
  clear(): void;
  facts(): VisitorFacts;
  /** Stops hearing the other tabs (the tracker is destroyed). */
  close(): void;
}

/**
 * `allowed()` says whether storage may be written now (consent granted, in a browser). Before it
 * is, nothing is read or written and events carry no visitor id.
 */
export function createIdentity(
  options: VisitorOptions = {},
  storage: { preferred: 'cookie' | 'localStorage' | 'memory'; cookieDomain?: string },
  allowed: () => boolean,
  onChange: () => void = () => {},
): Identity {
  const enabled = options.enabled ?? true;
  const maxAgeMs = (options.maxAgeDays ?? DEFAULT_VISITOR_MAX_AGE_DAYS) * DAY_MS;
  let store: KeyValueStore | undefined;
  let record: VisitorRecord | null = null;
  // The session the cached record was read for: another tab may have reset the visitor since.
  let readFor = '';
  // The user named in this page (null: none yet). Without a stored visitor it lives as long as the page.
  let user: string | null = null;
  const name = options.cookieName ?? 'spoor_vid';
  // Another tab's identify() or reset() reaches this one at once, with the record itself: a cookie
  // another tab just wrote can read stale here, and the record is cached for the session.
  const tabs = createTabChannel<string>(name);
  const heard = (raw: string) => {
    const next = decodeRecord(raw);
    if (!next || !allowed()) return;
    record = next;
    // The session it was last counted for: this tab takes it as read for that session.
    readFor = next.lastSessionId;
    user = null;
    onChange();
  };

  const open = () => {
    store ??= openStore(storage.preferred, name, { domain: storage.cookieDomain });
    return store;
  };
  const save = (next: VisitorRecord) => {
    record = next;
    // The expiry is fixed at creation (13 months at most); a visit does not extend it.
    const left = next.firstSeen + maxAgeMs - now();
    const encoded = encodeRecord(next);
    if (left > 0) open().set(encoded, left);
    tabs.announce(encoded);
    onChange();
  };
  const load = (sessionId: string): VisitorRecord | null => {
    if (!enabled || !allowed()) return null;
    if (!record || readFor !== sessionId) {
      // From the first read the record may be stored: from then on, hear what the other tabs save.
      if (!tabs.isOpen()) tabs.open(heard);
      readFor = sessionId;
      const stored = decodeRecord(open().get());
      record =
        stored && stored.firstSeen + maxAgeMs > now()
          ? stored
          : { id: createId(), firstSeen: now(), visits: 0, lastSessionId: '', userId: '' };
      if (record !== stored) save(record);
    }
    if (user !== null && record.userId !== user) save({ ...record, userId: user });
    return record;
  };

  return {
    fields(sessionId) {
      const current = load(sessionId);
      const userId = current ? current.userId : user;
      const visitor = current ? { visitorId: current.id } : {};
      return userId ? { ...visitor, userId } : visitor;
    },
    sessionStarted(sessionId) {
      const current = load(sessionId);
      if (current && current.lastSessionId !== sessionId)
        save({ ...current, visits: current.visits + 1, lastSessionId: sessionId });
    },
    setUser(userId) {
      user = userId;
      if (record) load(readFor);
      onChange();
    },
    reset() {
      user = '';
      record = null;
      readFor = '';
      if (enabled && allowed()) open().remove();
      onChange();
    },
    clear() {
      user = null;
      record = null;
      readFor = '';
      if (enabled) open().remove();
      tabs.close();
      onChange();
    },
    facts() {
      return {
        visitorId: record?.id ?? null,
        userId: (record ? record.userId : user) || null,
        visits: record?.visits ?? 0,
        firstSeen: record?.firstSeen ?? null,
      };
    },
    close: tabs.close,
  };
}
