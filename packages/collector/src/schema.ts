// Validation of the version-1 wire format. The envelope of every event is checked strictly;
// payloads of known event types are checked field by field. Unknown types are accepted with a
// valid envelope, so an older collector keeps working with a newer tracker.
import { z } from 'zod';
import type { StoredEvent } from './storage/storage';

const id = z.string().min(1).max(128);
const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const short = z.string().max(2048);

const envelope = z.object({
  id,
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9-]*(:[a-z0-9-]+)*$/, 'expected an event type such as "page:view"'),
  ts: count,
  sessionId: id,
  tabId: id,
  pageId: id,
  seq: count,
  url: z.string().max(8192),
  visitorId: id.optional(),
  userId: id.optional(),
});

const target = z.looseObject({
  selector: short,
  tag: z.string().max(64),
  text: short.optional(),
  href: short.optional(),
});

const payloads: Record<string, z.ZodType> = {
  'session:start': z.looseObject({ reason: z.string().max(64), previousSessionId: id.optional() }),
  'session:end': z.looseObject({ reason: z.string().max(64), durationMs: finite }),
  'page:view': z.looseObject({ path: short, title: short, referrer: short, navigation: z.string().max(32) }),
  'page:leave': z.looseObject({ durationMs: finite, engagedMs: finite, maxScrollPct: finite }),
  click: z.looseObject({ x: finite, y: finite, vw: finite, vh: finite, target, rx: finite, ry: finite }),
  'click:rage': z.looseObject({ target, count }),
  'click:dead': z.looseObject({ target }),
  'pointer:move': z.looseObject({ points: z.array(z.array(finite).min(2).max(3)).max(10_000) }),
  scroll: z.looseObject({ x: finite, y: finite, depthPct: finite }),
  input: z.looseObject({
    target,
    fieldType: z.string().max(64),
    value: z.string().max(10_000),
    length: count,
  }),
  'form:submit': z.looseObject({ target, fieldCount: count }),
  visibility: z.looseObject({ state: z.enum(['visible', 'hidden']) }),
  error: z.looseObject({ message: z.string().max(10_000), source: short, line: finite, col: finite }),
  custom: z.looseObject({ name: z.string().min(1).max(200), props: z.record(z.string(), z.unknown()) }),
  identify: z.looseObject({ userId: id, traits: z.record(z.string(), z.unknown()) }),
  replay: z.looseObject({ events: z.array(z.unknown()), full: z.boolean() }),
  'replay:paused': z.looseObject({ reason: z.string().max(64), resumeInMs: finite }),
};

const ENVELOPE_KEYS = new Set([
  'id',
  'type',
  'ts',
  'sessionId',
  'tabId',
  'pageId',
  'seq',
  'url',
  'visitorId',
  'userId',
]);

export interface Batch {
  batchId: string;
  sentAt: number;
  visitorId?: string;
  events: StoredEvent[];
}

export interface Issue {
  path: string;
  message: string;
}

export type BatchResult = { ok: true; batch: Batch } | { ok: false; error: string; issues: Issue[] };

const batchShape = z.object({
  v: z.unknown(),
  batchId: id,
  sentAt: finite,
  visitorId: id.optional(),
  events: z.array(z.unknown()).min(1),
});

const toIssues = (error: z.ZodError, prefix: (string | number)[] = []): Issue[] =>
  error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
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

/** Checks a decoded request body against the version-1 wire format. */
export function parseBatch(body: unknown, maxEvents: number): BatchResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      error: 'invalid-batch',
      issues: [{ path: '(root)', message: 'expected a JSON object' }],
    };
  }
  const version = (body as { v?: unknown }).v;
  if (version !== 1) {
    return {
      ok: false,
      error: 'unsupported-version',
      issues: [
        {
          path: 'v',
          message: `this collector speaks version 1 of the wire format, got ${JSON.stringify(version)}`,
        },
      ],
    };
  }
  const shape = batchShape.safeParse(body);
  if (!shape.success)
    return { ok: false, error: 'invalid-batch', issues: toIssues(shape.error).slice(0, MAX_ISSUES) };
  if (shape.data.events.length > maxEvents) {
    return {
      ok: false,
      error: 'invalid-batch',
      issues: [
        { path: 'events', message: `at most ${maxEvents} events per batch, got ${shape.data.events.length}` },
      ],
    };
  }
  const issues: Issue[] = [];
  const events: StoredEvent[] = [];
  const seen = new Set<string>();
  shape.data.events.forEach((raw, index) => {
    if (issues.length >= MAX_ISSUES) return;
    const head = envelope.safeParse(raw);
    if (!head.success) {
      issues.push(...toIssues(head.error, ['events', index]));
      return;
    }
    const schema = payloads[head.data.type];
    const body = schema?.safeParse(raw);
    if (body && !body.success) {
      issues.push(...toIssues(body.error, ['events', index]));
      return;
    }
    if (seen.has(head.data.id)) return;
    seen.add(head.data.id);
    const payload: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!ENVELOPE_KEYS.has(key)) payload[key] = value;
    }
    // visitorId and userId stay on the event: each session takes them from its own events.
    events.push({
      ...head.data,
      path: pathOf(head.data.url, head.data.type === 'page:view' ? payload.path : undefined),
      payload,
    });
  });
  if (issues.length > 0) return { ok: false, error: 'invalid-batch', issues: issues.slice(0, MAX_ISSUES) };
  const visitorId =
    shape.data.visitorId ??
    (
      shape.data.events.find((e) => typeof (e as { visitorId?: unknown }).visitorId === 'string') as
        | { visitorId: string }
        | undefined
    )?.visitorId;
  return { ok: true, batch: { batchId: shape.data.batchId, sentAt: shape.data.sentAt, visitorId, events } };
}
