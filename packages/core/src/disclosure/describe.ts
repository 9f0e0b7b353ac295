import type { TrackerOptions } from '../options';

/** One kind of event this configuration sends. */
export interface DisclosedEvent {
  type: string;
  /** What the event records, in words. */
  what: string;
  /** Its fields besides those every event has. */
  fields: string[];
}

/** One thing kept in the visitor's browser. */
export interface DisclosedStorage {
  name: string;
  kind: 'cookie' | 'localStorage' | 'sessionStorage' | 'IndexedDB' | 'memory';
  purpose: string;
  /** How long it lasts, in words ("30 minutes after the last activity, 24 hours at most"). */
  lifetime: string;
}

/** What a tracker configuration collects, stores and where it sends it: for a privacy page. */
export interface Disclosure {
  consent: { mode: 'opt-in' | 'opt-out'; honoursBrowserSignals: boolean; summary: string };
  /** Fields on every event. */
  commonFields: string[];
  events: DisclosedEvent[];
  /** Masking and scrubbing applied before anything leaves the page. */
  protections: string[];
  storage: DisclosedStorage[];
  /** Where events go: each transport's name and, when it says, its URL. */
  endpoints: { transport: string; url?: string }[];
  /** Plugins that may add events of their own (for example `replay`). */
  plugins: string[];
}

// capture option (- for events that do not depend on capture) | type | when | fields; @: the target.
const CATALOGUE = `-|session:start|a visit begins|reason, previousSessionId
-|session:end|a visit ends|reason, durationMs
pageViews|page:view|a page is shown|path, title, referrer, navigation
pageViews|page:leave|a page view ends|durationMs, engagedMs, maxScrollPct
clicks|click|a click|x, y, vw, vh, rx, ry, @
clicks|click:rage|repeated clicks in one place|count, @
clicks|click:dead|a click that changed nothing|@
pointer|pointer:move|sampled pointer positions|points
scroll|scroll|scrolling|x, y, depthPct
inputs|input|a form field changed|fieldType, value (masked unless allowed), length, @
inputs|form:submit|a form is submitted|fieldCount, @
visibility|visibility|the tab is hidden or shown|state
errors|error|an uncaught error|message (scrubbed), source, line, col, kind
-|custom|the site's own events (tracker.track)|name, props (scrubbed)
-|identify|the site links the visit to its user account|userId, traits (scrubbed)`;

const DAY = 86_400_000;
const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
const span = (ms: number) =>
  ms % DAY === 0
    ? unit(ms / DAY, 'day')
    : ms % 3_600_000 === 0
      ? unit(ms / 3_600_000, 'hour')
      : unit(Math.round(ms / 60_000), 'minute');

/** Describes what `options` make a tracker collect. Pure: reads only the options. */
export function describeCollection(options: TrackerOptions): Disclosure {
  const capture = (options.capture ?? {}) as Record<string, unknown>;
  const privacy = options.privacy ?? {};
  const session = options.session ?? {};
  const consent = options.consent ?? {};
  const visitor = options.visitor ?? {};
  const mode = consent.mode ?? 'opt-out';
  const signals = consent.respectGlobalPrivacyControl ?? true;
  const store = session.storage ?? 'cookie';
  const kind = store === 'cookie' ? 'cookie' : store;
  const transports = [...(options.transport ? [options.transport] : []), ...(options.transports ?? [])];
  const persist = options.delivery?.persist ?? true;

  const storage: DisclosedStorage[] = [
    {
      name: session.cookieName ?? 'spoor_sid',
      kind,
      purpose: 'the current visit (session id, last activity)',
      lifetime: `${span(session.idleTimeoutMs ?? 30 * 60_000)} after the last activity, ${span(session.maxDurationMs ?? DAY)} at most`,
    },
    {
      name: consent.cookieName ?? 'spoor_consent',
      kind: 'cookie',
      purpose: "the visitor's consent decision",
      lifetime: span(consent.rememberForMs ?? 365 * DAY),
    },
    {
      name: 'spoor_tab, spoor_seq, spoor_visit',
      kind: 'sessionStorage',
      purpose: "this tab, its event order, and this visit's page views for the site's own use (not sent)",
      lifetime: 'until the tab closes',
    },
  ];
  if (visitor.enabled !== false)
    storage.push({
      name: visitor.cookieName ?? 'spoor_vid',
      kind,
      purpose: 'a random visitor id, number of visits, first visit and the user id given by the site',
      lifetime: `${visitor.maxAgeDays ?? 395} days from the first visit (not extended by later visits)`,
    });
  if (persist !== false && transports.length > 0) {
    const key = options.delivery?.storageKey ?? 'spoor-delivery';
    storage.push(
      {
        name: key,
        kind: persist === 'localStorage' ? 'localStorage' : 'IndexedDB',
        purpose: 'events not yet delivered (kept until sent)',
        lifetime: span(options.delivery?.maxAgeMs ?? 7 * DAY),
      },
      {
        name: `${key}:*`,
        kind: 'localStorage',
        purpose: "what a page hands to the next one: events left at exit, each transport's retry wait",
        lifetime: 'until the next page of the site reads it, or a send succeeds',
      },
    );
  }

  const protections = [
    privacy.maskAllInputs === false
      ? 'form values are sent unless masked by a selector'
      : 'form field values are masked (replaced with *)',
    'passwords, hidden fields and card numbers are never recorded',
    privacy.maskAllText ? 'all page text is masked' : 'text under data-spoor-mask is masked',
    'elements under data-spoor-block are not recorded at all',
    'e-mail addresses, card and phone numbers, IBANs and tokens are removed from text, titles, errors and URLs',
    'secret query parameters (tokens, passwords, keys) are removed from URLs',
  ];
  if (privacy.maskSelector) protections.push(`text and values under ${privacy.maskSelector} are masked`);
  if (privacy.blockSelector) protections.push(`elements under ${privacy.blockSelector} are not recorded`);
  if (privacy.redactQueryParams?.length)
    protections.push(`these query parameters are removed: ${privacy.redactQueryParams.join(', ')}`);
  if (privacy.allowQueryParams)
    protections.push(
      `only these query parameters are kept: ${privacy.allowQueryParams.join(', ') || 'none'}`,
    );
  if (!privacy.captureErrorStack) protections.push('error stack traces are not sent');

  return {
    consent: {
      mode,
      honoursBrowserSignals: signals,
      summary:
        (mode === 'opt-in'
          ? 'Nothing is stored or sent until the visitor agrees.'
          : 'Tracking runs until the visitor refuses.') +
        (signals ? ' Global Privacy Control and Do Not Track count as a refusal.' : '') +
        ' Refusing deletes the stored ids and any events not yet sent.',
    },
    commonFields: [
      'id, type, ts (time), sessionId, tabId, pageId, seq, url (redacted)',
      ...(visitor.enabled === false ? [] : ['visitorId']),
      'userId (after the site identifies the user)',
    ],
    events: CATALOGUE.split('\n')
      .map((line) => line.split('|') as [string, string, string, string])
      .filter(([source]) => source === '-' || capture[source] !== false)
      .map(([, type, what, fields]) => ({
        type,
        what,
        fields: fields.split(', ').map((f) => (f === '@' ? 'target (selector, tag, masked text, link)' : f)),
      })),
    protections,
    storage,
    endpoints: transports.map((t) =>
      t.endpoint ? { transport: t.name, url: t.endpoint } : { transport: t.name },
    ),
    plugins: (options.plugins ?? []).map((plugin) => plugin.name),
  };
}
