/**
 * The event catalogue: one map from event type to payload. Every other type is derived
 * from it, so adding an event here breaks the build until every table handles it.
 */

/** Why a session began. */
export type SessionStartReason = 'new' | 'idle' | 'max-duration' | 'consent' | 'reset';
/** Why a session ended. */
export type SessionEndReason = 'idle' | 'max-duration' | 'reset' | 'consent';
/** How a page view came about. */
export type NavigationKind = 'load' | 'push' | 'replace' | 'pop' | 'hash';
/** The three states of consent. */
export type ConsentState = 'pending' | 'granted' | 'denied';

/** What Spoor records about the element a visitor interacted with. */
export interface TargetInfo {
  /** A short, stable CSS selector (ids, `data-testid` / `data-spoor-id`, tag and nth-of-type). */
  selector: string;
  /** Lower-case tag name. */
  tag: string;
  /** Visible text, masked and scrubbed, at most 100 characters. */
  text?: string;
  /** For links: the redacted `href`. */
  href?: string;
  /** For form fields (input events): the label a person reads for it, masked and scrubbed like page text. */
  label?: string;
}

/** A pointer sample: page x, page y, milliseconds since the first sample of the batch. */
export type PointerPoint = [x: number, y: number, dtMs: number];

/** Payload of each event type, keyed by type. */
export interface TrackerEventMap {
  'session:start': { reason: SessionStartReason; previousSessionId?: string };
  'session:end': { reason: SessionEndReason; durationMs: number };
  'page:view': { path: string; title: string; referrer: string; navigation: NavigationKind };
  'page:leave': { durationMs: number; engagedMs: number; maxScrollPct: number };
  click: { x: number; y: number; vw: number; vh: number; target: TargetInfo; rx: number; ry: number };
  'click:rage': { target: TargetInfo; count: number };
  'click:dead': { target: TargetInfo };
  'pointer:move': { points: PointerPoint[] };
  scroll: { x: number; y: number; depthPct: number };
  input: { target: TargetInfo; fieldType: string; value: string; length: number };
  'form:submit': { target: TargetInfo; fieldCount: number };
  visibility: { state: 'visible' | 'hidden' };
  error: {
    message: string;
    source: string;
    line: number;
    col: number;
    kind: 'error' | 'rejection';
    stack?: string;
  };
  custom: { name: string; props: Record<string, unknown> };
  identify: { userId: string; traits: Record<string, unknown> };
  /** A chunk of DOM replay: codec 1 holds rrweb events as they are, codec 2 Spoor's encoding of them (docs/events.md). */
  replay: { codec?: 1; events: unknown[]; full: boolean } | { codec: 2; data: unknown[]; full: boolean };
  'replay:paused': { reason: 'mutations' | 'bytes'; resumeInMs: number };
  'consent:change': { state: ConsentState; previous: ConsentState };
  'transport:error': { transport: string; reason: string; status?: number; dropped: number };
  'tracker:error': { code: string; message: string };
}

/** Every event type name. */
export type TrackerEventType = keyof TrackerEventMap;

/** Fields every event carries besides its payload. */
export interface EventEnvelope {
  /** Unique and stable across retries, so a server can drop duplicates. */
  id: string;
  /** Milliseconds since the epoch. */
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

/** Turns an event map into the union of `{ type } & payload` objects. */
export type EventsOf<TMap> = { [TType in keyof TMap]: { type: TType } & TMap[TType] }[keyof TMap];

/** The event map with the envelope added to every payload. */
export type EnvelopedEventMap = { [TType in TrackerEventType]: TrackerEventMap[TType] & EventEnvelope };

/** A full event as listeners and transports see it. */
export type TrackerEvent = EventsOf<EnvelopedEventMap>;

/** The event of one type. */
export type EventOfType<TType extends TrackerEventType> = Extract<TrackerEvent, { type: TType }>;

/** What a capture source or plugin hands the tracker: a payload with its type, no envelope yet. */
export type EventInput = EventsOf<TrackerEventMap>;

/** The payload of one event type. */
export type EventPayload<TType extends TrackerEventType> = TrackerEventMap[TType];

// Three shared trait objects: the table reads the same and each object is written once.
const SENT = { deliver: true, activity: false } as const;
const ACTIVITY = { deliver: true, activity: true } as const;
const LOCAL = { deliver: false, activity: false } as const;

/**
 * Where each event goes: `deliver` events reach transports; the others stay on the local bus.
 * `activity` events count as the visitor doing something (they extend the session).
 */
export const EVENT_TRAITS = {
  'session:start': SENT,
  'session:end': SENT,
  'page:view': ACTIVITY,
  'page:leave': SENT,
  click: ACTIVITY,
  'click:rage': SENT,
  'click:dead': SENT,
  'pointer:move': ACTIVITY,
  scroll: ACTIVITY,
  input: ACTIVITY,
  'form:submit': ACTIVITY,
  visibility: SENT,
  error: SENT,
  custom: ACTIVITY,
  identify: SENT,
  replay: SENT,
  'replay:paused': SENT,
  'consent:change': LOCAL,
  'transport:error': LOCAL,
  'tracker:error': LOCAL,
} as const satisfies Record<TrackerEventType, { deliver: boolean; activity: boolean }>;

/** Exhaustiveness helper for `switch (event.type)`. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
