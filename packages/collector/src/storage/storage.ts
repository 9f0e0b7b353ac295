import type { SessionRules } from './sessionRules';

/**
 * Fields every event carries besides its payload: the core's `EventEnvelope`, written out so the
 * published types need no `@spoor/core` (schema.ts checks the two stay the same).
 */
export interface EventEnvelope {
  /** Unique and stable across retries, so a server can drop duplicates. */
  id: string;
  /** Milliseconds since the epoch, on the collector's clock. */
  ts: number;
  sessionId: string;
  tabId: string;
  pageId: string;
  /** Per tab, strictly increasing. */
  seq: number;
  /** The page URL after redaction. */
  url: string;
  /** The persistent first-party visitor id, once consent allows (see the `visitor` option). */
  visitorId?: string;
  /** The app's own user id, after `identify()`. */
  userId?: string;
}

/** An event as the collector stores it: the envelope, a derived `path`, and the type's own fields. */
export interface StoredEvent extends EventEnvelope {
  type: string;
  /** The URL's path (for `page:view`, its `path` field), used to group pages. */
  path: string;
  /** Every field besides the envelope. */
  payload: Record<string, unknown>;
}

/** What the collector knows about the request a batch came in. */
export interface IngestContext {
  site: string;
  /** An optional id the app gives its visitor (used by erasure). */
  visitorId?: string;
  userAgent?: string;
  /** When the collector received the batch (ms since epoch); retention counts from it. @default Date.now() */
  receivedAt?: number;
  /** The session rules to apply. @default DEFAULT_SESSION_RULES */
  rules?: Partial<SessionRules>;
}

/** An event the storage refused, and why (e.g. its session is closed). */
export interface RefusedEvent {
  /** Where it was in the batch, e.g. `events.3` (or the event id when the position is unknown). */
  path: string;
  code: string;
  message: string;
}

export interface IngestResult {
  /** Events written now. */
  stored: number;
  /** Events already stored earlier (same `id`), skipped. */
  duplicates: number;
  /** Events refused by the storage's own rules; absent when none. */
  refused?: RefusedEvent[];
}

/** One row of the sessions list. */
export interface SessionSummary {
  site: string;
  id: string;
  visitorId: string | null;
  /** The app's user id (`identify()`), if the session named one. */
  userId: string | null;
  startedAt: number;
  lastSeenAt: number;
  durationMs: number;
  eventCount: number;
  pageViews: number;
  engagedMs: number;
  errors: number;
  rageClicks: number;
  deadClicks: number;
  hasReplay: boolean;
  entryUrl: string | null;
  userAgent: string | null;
}

/** A time window in ms since the epoch; both ends optional. */
export interface TimeRange {
  from?: number;
  to?: number;
}

export interface SessionQuery extends TimeRange {
  site: string;
  /** Only sessions that viewed this path. */
  path?: string;
  errors?: boolean;
  rage?: boolean;
  dead?: boolean;
  visitorId?: string;
  /** @default 50 */
  limit?: number;
  /** The `next` cursor of the previous page. */
  cursor?: string;
}

export interface SessionPage {
  sessions: SessionSummary[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  next?: string;
}

export interface PageStat {
  path: string;
  views: number;
  sessions: number;
  clicks: number;
  /** Mean engaged time of the page views that ended, in ms. */
  avgEngagedMs: number | null;
  /** Mean of the deepest scroll of each page view, 0..100. */
  avgScrollPct: number | null;
}

export interface PageDay {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  views: number;
  avgEngagedMs: number | null;
}

export interface PageDetail {
  path: string;
  days: PageDay[];
  /** How many page views reached each tenth of the page (index 0: 0–9 %, …, 10: 100 %). */
  scrollDepth: number[];
}

export interface HeatmapClick {
  x: number;
  y: number;
  vw: number;
  vh: number;
  rx: number;
  ry: number;
  selector: string;
}

export interface ClickIssue {
  type: 'click:rage' | 'click:dead';
  path: string;
  selector: string;
  text: string | null;
  count: number;
  sessions: number;
  lastSeenAt: number;
  /** A session to look at. */
  sampleSessionId: string;
}

export interface EventQuery {
  /** Only these types. */
  types?: string[];
  /** Leave these types out. */
  excludeTypes?: string[];
  /** @default 10000 */
  limit?: number;
  /** Only events after this one, in the order `ts`, `seq`, `id` (the cursor of a page). */
  after?: { ts: number; seq: number; id: string };
}

export interface ErasureResult {
  sessions: number;
  events: number;
  /** The sessions deleted (their replay blobs go with them). */
  erased?: { site: string; id: string }[];
}

/**
 * Where the collector keeps sessions. Two implementations pass the same suite:
 * SQLite (embedded, one machine) and PostgreSQL (several stateless collectors).
 */
export interface Storage {
  /** The URL scheme it is registered under, e.g. `sqlite` or `postgres`. */
  readonly kind: string;
  /** Creates or upgrades the schema. Safe to run again, and from several processes at once. */
  migrate(): Promise<void>;
  /** Stores events, skipping ids already stored, and updates their sessions. */
  ingest(context: IngestContext, events: StoredEvent[]): Promise<IngestResult>;
  listSessions(query: SessionQuery): Promise<SessionPage>;
  getSession(site: string, id: string): Promise<SessionSummary | null>;
  getEvents(site: string, sessionId: string, query?: EventQuery): Promise<StoredEvent[]>;
  pageStats(query: TimeRange & { site: string }): Promise<PageStat[]>;
  pageDetail(query: TimeRange & { site: string; path: string }): Promise<PageDetail>;
  heatmap(query: TimeRange & { site: string; path: string; limit?: number }): Promise<HeatmapClick[]>;
  clickIssues(query: TimeRange & { site: string }): Promise<ClickIssue[]>;
  deleteSession(site: string, id: string): Promise<ErasureResult>;
  deleteVisitor(site: string, visitorId: string): Promise<ErasureResult>;
  /** Deletes the user's sessions and every session of the visitor ids ever linked to that user. */
  deleteUser(site: string, userId: string): Promise<ErasureResult>;
  /** Retention: deletes sessions last seen before `cutoff` (ms since epoch) with their events. */
  deleteOlderThan(cutoff: number): Promise<ErasureResult>;
  /** Stores `value` under `key` unless something is there already; returns what is stored. */
  ensureSetting(key: string, value: string): Promise<string>;
  /** Resolves when the database answers; used by `/readyz` and to tell an outage from a bug. */
  ping?(): Promise<void>;
  close(): Promise<void>;
}
