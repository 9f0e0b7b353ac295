/**
 * `@spoor/core/lite`: a tracker built from chosen parts. Sessions, consent, privacy, page views,
 * custom events and delivery are always in; each other capture source is passed in `sources`.
 * Undelivered events are kept in memory only (no IndexedDB or localStorage persistence).
 */
import type { PageViewOptions } from './capture/navigation';
import type { SourceDefinition } from './capture/source';
import type { CaptureTable } from './capture/sources';
import { type TableOptions, validateSources } from './capture/start';
import { openMemoryStore } from './delivery/openBatchStore';
import { type TrackerOptions, validateOptions } from './options';
import type { Tracker } from './tracker/api';
import { buildTracker } from './tracker/tracker';
import { invalid } from './validate';

export { clicks } from './capture/clicks';
export { errors } from './capture/errors';
export { inputs } from './capture/inputs';
export { pointer } from './capture/pointer';
export { scroll } from './capture/scroll';
export { visibility } from './capture/visibility';
export { isSpoorError, SpoorError } from './errors';
export { createConsoleTransport } from './transports/console';
export { createHttpTransport } from './transports/http';
export { createMemoryTransport } from './transports/memory';

type OptionsOf<TSource> = TSource extends SourceDefinition<infer TOptions> ? TOptions : never;

/** Options of {@link createCoreTracker}: those of `createTracker`, with `sources` choosing capture. */
export interface CoreTrackerOptions<TSources extends CaptureTable = Record<never, never>>
  extends Omit<TrackerOptions, 'capture'> {
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

/**
 * Creates a tracker from chosen parts: sessions, consent, privacy, page views, custom events and
 * the transports given, plus the capture sources in `sources`. The smallest useful tracker, for
 * pages where every kilobyte counts; `createTracker` from `@spoor/core` has everything.
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
  const { sources = {} as TSources, ...rest } = options;
  validateOptions(rest);
  validateSources(rest.capture, sources);
  const persist = rest.delivery?.persist;
  if (persist !== undefined && persist !== false) {
    invalid(
      'delivery.persist',
      'false in @spoor/core/lite (use createTracker from @spoor/core to persist)',
      persist,
    );
  }
  return buildTracker(rest as TrackerOptions & { capture?: TableOptions }, {
    sources,
    openStore: openMemoryStore,
  });
}

export type { Tracker } from './tracker/api';
export type { TrackerSnapshot } from './tracker/snapshot';
