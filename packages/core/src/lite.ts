/**
 * `@spoor/core/lite`: a tracker built from small parts. Sessions (first-party cookie), consent,
 * page views, custom events, minimal privacy and in-memory delivery are always in; each other
 * capture source is passed in `sources`. See docs/lite.md for what the small parts leave out.
 */
import type { PageViewOptions } from './capture/navigation';
import type { SourceDefinition } from './capture/source';
import type { CaptureTable } from './capture/sources';
import { type TableOptions, validateSources } from './capture/start';
import type { ConsentOptions } from './consent';
import type { BatchOptions, DeliverySettings } from './delivery/options';
import type { TrackerEvent } from './events';
import { checkLists, consentShape, type TrackerOptions, transport } from './options';
import type { TrackerPlugin } from './plugin';
import type { SessionOptions } from './session/options';
import type { Tracker } from './tracker/api';
import { LITE_PARTS } from './tracker/liteParts';
import { buildTracker } from './tracker/tracker';
import type { Transport } from './transports/transport';
import {
  checkedElsewhere,
  checkFields,
  isArray,
  isFunction,
  isNonEmptyString,
  isPositive,
  isStringList,
} from './validate';

export { clicks } from './capture/clicks';
export { errors } from './capture/errors';
export { inputs } from './capture/inputs';
export { pointer } from './capture/pointer';
export { scroll } from './capture/scroll';
export { visibility } from './capture/visibility';
export { isSpoorError, SpoorError } from './errors';
export { createConsoleTransport } from './transports/console';
export { createHttpTransport } from './transports/httpLite';
export { createMemoryTransport } from './transports/memory';

type OptionsOf<TSource> = TSource extends SourceDefinition<infer TOptions> ? TOptions : never;

/** Options of {@link createCoreTracker}: the part of `createTracker`'s options its small parts use. */
export interface CoreTrackerOptions<TSources extends CaptureTable = Record<never, never>> {
  /** Where batches go. @default none: events stay on the bus */
  transport?: Transport;
  /** Several transports, each with its own queue. @default [] */
  transports?: Transport[];
  /** Session lifetime and cookie. The session lives in a first-party cookie (memory without cookies). */
  session?: Omit<SessionOptions, 'storage'>;
  /** Every query value is redacted except those of the parameters named here. @default [] */
  privacy?: { allowQueryParams?: string[] };
  /** Consent mode and browser signals, as for `createTracker`. */
  consent?: ConsentOptions;
  /** When batches are sent. */
  batch?: Omit<BatchOptions, 'maxBytes'>;
  /** Retries. Batches are kept in memory only: `persist` can only be `false`. */
  delivery?: Pick<DeliverySettings, 'maxAttempts' | 'backoff' | 'maxRetryAfterMs'> & { persist?: false };
  /** Runs last on every event that would be sent; return null to drop it. @default undefined */
  beforeSend?: (event: TrackerEvent) => TrackerEvent | null | undefined;
  /** Plugins such as session replay. @default [] */
  plugins?: TrackerPlugin[];
  /**
   * Capture sources beside page views, by the name of their option: `{ clicks, scroll }`.
   * @default {} (page views only)
   */
  sources?: TSources;
  /** Options of page views and of the sources given; `false` turns one off. */
  capture?: { pageViews?: boolean | PageViewOptions } & {
    [TName in keyof TSources]?: boolean | OptionsOf<TSources[TName]>;
  };
}

const SHAPE = {
  transport,
  transports: isArray,
  session: {
    idleTimeoutMs: isPositive,
    maxDurationMs: isPositive,
    cookieDomain: isNonEmptyString,
    cookieName: isNonEmptyString,
  },
  privacy: { allowQueryParams: isStringList },
  consent: consentShape,
  batch: { maxEvents: isPositive, flushIntervalMs: isPositive },
  delivery: {
    persist: {
      expected: 'false in @spoor/core/lite (use createTracker from @spoor/core to persist)',
      test: (value: unknown) => value === false,
    },
    maxAttempts: isPositive,
    backoff: { baseMs: isPositive, maxMs: isPositive },
    maxRetryAfterMs: isPositive,
  },
  beforeSend: isFunction,
  plugins: isArray,
  sources: checkedElsewhere,
  capture: checkedElsewhere,
};

/**
 * Creates a tracker from small parts: sessions, consent, page views, custom events, scrubbing of
 * e-mails, card and phone numbers, redaction of every query value, and in-memory delivery with
 * retries, plus the capture sources in `sources`. For pages where every kilobyte counts;
 * `createTracker` from `@spoor/core` has everything. Throws a SpoorError naming a bad option.
 *
 * @example
 * import { clicks, createCoreTracker, createHttpTransport } from '@spoor/core/lite';
 * const tracker = createCoreTracker({
 *   transport: createHttpTransport({ url: '/spoor/collect' }),
 *   sources: { clicks },
 * });
 * tracker.start();
 */
/* @__NO_SIDE_EFFECTS__ */
export function createCoreTracker<TSources extends CaptureTable = Record<never, never>>(
  options: CoreTrackerOptions<TSources> = {},
): Tracker {
  checkFields('', options, SHAPE, 'createCoreTracker');
  checkLists(options);
  const { sources = {} as TSources, ...rest } = options;
  validateSources(rest.capture, sources);
  // The parts keep no visitor id and no stored batches: `disclosure()` reads that from the options.
  const described = { ...rest, visitor: { enabled: false }, delivery: { ...rest.delivery, persist: false } };
  return buildTracker(described as TrackerOptions & { capture?: TableOptions }, { ...LITE_PARTS, sources });
}

export type { Tracker } from './tracker/api';
export type { TrackerSnapshot } from './tracker/snapshot';
