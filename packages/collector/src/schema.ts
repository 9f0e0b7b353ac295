// Validation of the version-1 wire format. The envelope of every event is checked strictly;
// payloads of known event types are checked field by field, with every number the reports read
// bounded. Unknown types are accepted with a valid envelope, so an older collector keeps working
// with a newer tracker. A bad event is refused alone: the valid events beside it are kept.
import type { EventEnvelope as CoreEnvelope, EVENT_TRAITS, TrackerEventMap } from '@spoor/core';
import { z } from 'zod';
import { boundValue, storableText } from './ingest/bounds';
import { clockOffset, placeEvent, type TimePolicy } from './ingest/time';
import type { EventEnvelope, StoredEvent } from './storage/storage';

const id = z.string().min(1).max(128);
const count = z.number().int().nonnegative().max(1_000_000);
/** Page coordinates and sizes in CSS pixels. */
const px = z.number().min(-10_000_000).max(10_000_000);
const size = z.number().min(0).max(100_000);
/** Durations: at most 400 days. */
const ms = z
  .number()
  .min(0)
  .max(400 * 86_400_000);
const pct = z.number().min(0).max(100);
const short = z.string().max(2048);
const word = z.string().max(64);

const envelope = z.object({
  id,
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9-]*(:[a-z0-9-]+)*$/, 'expected an event type such as "page:view"'),
  ts: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sessionId: id,
  tabId: id,
  pageId: id,
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  url: z.string().max(8192),
  visitorId: id.optional(),
  userId: id.optional(),
});
const opt = short.optional();
const target = z.looseObject({ selector: short, tag: word, text: opt, href: opt, label: opt });

type Delivered = {
  [K in keyof TrackerEventMap as (typeof EVENT_TRAITS)[K]['deliver'] extends true ? K : never]: z.ZodType;
};

// `satisfies` ties this list to the core's event map: a delivered event added there breaks the build here.
const PAYLOADS = {
  'session:start': z.looseObject({ reason: word, previousSessionId: id.optional() }),
  'session:end': z.looseObject({ reason: word, durationMs: ms }),
  'page:view': z.looseObject({ path: short, title: short, referrer: short, navigation: z.string().max(32) }),
  'page:leave': z.looseObject({ durationMs: ms, engagedMs: ms, maxScrollPct: pct }),
  click: z.looseObject({ x: px, y: px, vw: size, vh: size, target, rx: px, ry: px }),
  'click:rage': z.looseObject({ target, count }),
  'click:dead': z.looseObject({ target }),
  'pointer:move': z.looseObject({ points: z.array(z.array(px).min(2).max(3)).max(10_000) }),
  scroll: z.looseObject({ x: px, y: px, depthPct: pct }),
  input: z.looseObject({ target, fieldType: word, value: z.string().max(10_000), length: count }),
  'form:submit': z.looseObject({ target, fieldCount: count }),
  visibility: z.looseObject({ state: z.enum(['visible', 'hidden']) }),
  error: z.looseObject({
    message: z.string().max(10_000),
    source: short,
    line: z.number().min(0).max(1e9),
    col: z.number().min(0).max(1e9),
    stack: z.string().max(20_000).optional(),
  }),
  custom: z.looseObject({ name: z.string().min(1).max(200), props: z.record(z.string(), z.unknown()) }),
  identify: z.looseObject({ userId: id, traits: z.record(z.string(), z.unknown()) }),
  // Codec 1: rrweb events as they are; codec 2: @spoor/replay's compact encoding (docs/events.md).
  replay: z.union([
    z.looseObject({ codec: z.literal(1).optional(), events: z.array(z.unknown()), full: z.boolean() }),
    z.looseObject({ codec: z.literal(2), data: z.array(z.unknown()), full: z.boolean() }),
  ]),
  'replay:paused': z.looseObject({ reason: word, resumeInMs: ms }),
} satisfies Delivered;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The collector's copy of the envelope (kept for its published types) matches the core's. */
export const ENVELOPE_MATCHES_CORE: Same<EventEnvelope, CoreEnvelope> = true;

// A Map: event types are client text, and `PAYLOADS.constructor` is not a schema.
const payloads = new Map<string, z.ZodType>(Object.entries(PAYLOADS));

const ENVELOPE_KEYS = new Set(Object.keys(envelope.shape));

/** Nesting allowed below an event: replay carries serialised DOM trees, everything else is flat. */
const MAX_DEPTH = 32;
const MAX_REPLAY_DEPTH = 400;
/** Largest payload of an event other than replay, as JSON. */
const MAX_EVENT_BYTES = 65_536;

export interface Batch {
  batchId: string;
  sentAt: number;
  visitorId?: string;
  events: StoredEvent[];
}

export interface Issue {
  path: string;
  /** What is wrong, as a stable code: `invalid-event`, `too-deep`, `reserved-key`, `ts-out-of-range`, … */
  code: string;
  message: string;
}

export type BatchResult =
  /** `issues` lists the events refused; `batch.events` the ones kept. */
  | { ok: true; batch: Batch; issues: Issue[] }
  | { ok: false; status: 400 | 413; error: string; issues: Issue[] };

export interface ParseOptions {
  maxEvents: number;
  /** The collector's clock when the request arrived. */
  receivedAt: number;
  time: TimePolicy;
}

const batchShape = z.object({
  v: z.unknown(),
  batchId: id,
  sentAt: z.number().min(0).max(8.64e15),
  visitorId: id.optional(),
  events: z.array(z.unknown()).min(1),
});

const toIssues = (error: z.ZodError, prefix: (string | number)[] = [], code = 'invalid-event'): Issue[] =>
  error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
    code,
    message: issue.message,
  }));

function pathOf(url: string, fallback?: unknown): string {
  // A page view's own path may carry the (redacted) query string; pages are grouped without it.
  if (typeof fallback === 'string' && fallback.startsWith('/'))
    return (fallback.split(/[?#]/)[0] || '/').slice(0, 2048);
  try {
    return new URL(url).pathname.slice(0, 2048);
  } catch {
    return url.split(/[?#]/)[0]?.slice(0, 2048) || '/';
  }
}

const MAX_ISSUES = 20;
const kindOf = (value: unknown) =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;

type EventResult = { ok: true; event: StoredEvent } | { ok: false; issues: Issue[] };

function parseEvent(raw: unknown, index: number, offset: number, options: ParseOptions): EventResult {
  const at = (code: string, message: string, field?: string): EventResult => ({
    ok: false,
    issues: [{ path: ['events', index, ...(field ? [field] : [])].join('.'), code, message }],
  });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return at('invalid-event', `expected an object, got ${kindOf(raw)}`);
  const record = raw as Record<string, unknown>;
  const bounded = boundValue(raw, record.type === 'replay' ? MAX_REPLAY_DEPTH : MAX_DEPTH);
  if (!bounded.ok) return at(bounded.code, bounded.message);
  const head = envelope.safeParse(raw);
  if (!head.success) return { ok: false, issues: toIssues(head.error, ['events', index]) };
  const schema = payloads.get(head.data.type);
  const body = schema?.safeParse(raw);
  if (body && !body.success) return { ok: false, issues: toIssues(body.error, ['events', index]) };
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (!ENVELOPE_KEYS.has(key)) payload[key] = record[key];
  if (head.data.type !== 'replay' && JSON.stringify(payload).length > MAX_EVENT_BYTES)
    return at('event-too-large', `the payload exceeds ${MAX_EVENT_BYTES} bytes as JSON`);
  const placed = placeEvent(head.data.ts, offset, options.receivedAt, options.time);
  if (!placed.ok) return at(placed.code, placed.message, 'ts');
  // visitorId and userId stay on the event: each session takes them from its own events.
  return {
    ok: true,
    event: {
      ...head.data,
      ts: placed.ts,
      path: pathOf(head.data.url, head.data.type === 'page:view' ? payload.path : undefined),
      payload,
    },
  };
}

/** Checks a decoded request body against the version-1 wire format. */
export function parseBatch(body: unknown, options: ParseOptions): BatchResult {
  const refuse = (status: 400 | 413, error: string, path: string, message: string): BatchResult => ({
    ok: false,
    status,
    error,
    issues: [{ path, code: error, message }],
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse(400, 'invalid-batch', '(root)', `expected a JSON object, got ${kindOf(body)}`);
  const version = (body as { v?: unknown }).v;
  if (version !== 1) {
    const got = typeof version === 'number' ? String(version) : kindOf(version);
    return refuse(
      400,
      'unsupported-version',
      'v',
      `this collector speaks version 1 of the wire format, got ${got}`,
    );
  }
  const shape = batchShape.safeParse(body);
  if (!shape.success) {
    const issues = toIssues(shape.error, [], 'invalid-batch').slice(0, MAX_ISSUES);
    return { ok: false, status: 400, error: 'invalid-batch', issues };
  }
  if (shape.data.events.length > options.maxEvents) {
    // 413: the tracker splits the batch in two and sends each half.
    const message = `at most ${options.maxEvents} events per batch, got ${shape.data.events.length}`;
    return refuse(413, 'too-many-events', 'events', message);
  }
  const offset = clockOffset(shape.data.sentAt, options.receivedAt, options.time);
  const issues: Issue[] = [];
  const events: StoredEvent[] = [];
  const seen = new Set<string>();
  let visitorId = shape.data.visitorId;
  shape.data.events.forEach((raw, index) => {
    const result = parseEvent(raw, index, offset, options);
    if (!result.ok) {
      if (issues.length < MAX_ISSUES) issues.push(...result.issues.slice(0, MAX_ISSUES - issues.length));
      return;
    }
    if (seen.has(result.event.id)) return;
    seen.add(result.event.id);
    const own = (raw as { visitorId?: unknown }).visitorId;
    if (visitorId === undefined && typeof own === 'string') visitorId = own;
    events.push(result.event);
  });
  return {
    ok: true,
    batch: {
      batchId: shape.data.batchId,
      sentAt: shape.data.sentAt,
      ...(visitorId === undefined ? {} : { visitorId: storableText(visitorId) }),
      events,
    },
    issues,
  };
}
