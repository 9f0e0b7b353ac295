import { getNavigator, getWindow, now } from '../env';
import { describeError } from '../errors';
import type { TrackerEvent } from '../events';
import { jsonList, jsonOf } from '../shared/json';
import { byteLength } from '../shared/utf8';
import { answerOf } from './answer';
import { exitUrlOf } from './exitUrl';
import type { Gzip } from './gzip';
import type { Transport, TransportResult } from './transport';

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** The collector endpoint, absolute or relative to the page. */
  url: string;
  /** @default 'http' */
  name?: string;
  /**
   * Sent with ordinary requests. Beacons cannot carry headers, so keep authentication that
   * matters in `siteKey` (sent as `?key=` on page-exit requests) or in cookies.
   * @default {}
   */
  headers?: Record<string, string>;
  /** The project's public key: `X-Spoor-Key` header, and `?key=` on page-exit requests. @default undefined */
  siteKey?: string;
  /** @default 'same-origin' */
  credentials?: RequestCredentials;
  /** Gzip bodies with `CompressionStream` (when the browser has it) above `compressThreshold` bytes. @default true */
  compress?: boolean;
  /** @default 1024 */
  compressThreshold?: number;
  /**
   * Compress in a small worker started from a `blob:` URL, off the page's main thread. Where the
   * worker cannot start (a Content-Security-Policy without `blob:` in `worker-src`, no `Worker`),
   * bodies are compressed on the main thread instead. `false`: always on the main thread.
   * @default true
   */
  compressInWorker?: boolean;
  /** Abort an ordinary request after this long (it is then retried). @default 30000 */
  timeoutMs?: number;
  /**
   * Bytes of keepalive bodies in flight at once: browsers refuse more than 64 KB in total.
   * @default 60000
   */
  keepaliveBudgetBytes?: number;
  /** The `fetch` to use (tests, polyfills). @default the page's fetch */
  fetch?: typeof fetch;
}

/** The wire format, version 1. */
export interface WireBatch {
  v: 1;
  batchId: string;
  sentAt: number;
  events: TrackerEvent[];
}

const ENVELOPE_BYTES = 120;

/** The longest prefix of `events` whose wire body fits in `room` bytes (an oversize first event: none). */
function take(events: TrackerEvent[], room: number): number {
  let size = ENVELOPE_BYTES;
  let count = 0;
  for (const event of events) {
    size += byteLength(jsonOf(event)) + 1;
    if (size > room) break;
    count += 1;
  }
  return count;
}

/** The wire body (`WireBatch`), built from each event's cached JSON. */
function wire(batchId: string, events: TrackerEvent[]): string {
  return `{"v":1,"batchId":${JSON.stringify(batchId)},"sentAt":${now()},"events":${jsonList(events)}}`;
}

/**
 * Creates the transport for the Spoor collector (or any server speaking wire format v1): a JSON
 * `POST`, gzipped above a size threshold, and at page exit `keepalive` requests within the
 * browser's 64 KB budget with `navigator.sendBeacon` as the fallback. A beacon's answer cannot be
 * read, so beaconed batches stay queued and are sent again (the server drops duplicates by id).
 *
 * @example
 * const tracker = createTracker({
 *   transport: createHttpTransport({ url: '/spoor/collect', siteKey: 'pk_live_123' }),
 * });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const compress = options.compress ?? true;
  const threshold = options.compressThreshold ?? 1024;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const budget = options.keepaliveBudgetBytes ?? 60_000;
  let keepaliveInFlight = 0;
  // The compressor loads with the first body worth compressing (`@spoor/core/gzip`); where it
  // cannot load, bodies go uncompressed, as in browsers without `CompressionStream`.
  let compressor: Promise<Gzip> | undefined;
  const gzip = (body: string) => {
    compressor ??= import('@spoor/core/gzip').then((chunk) =>
      options.compressInWorker === false ? chunk.gzipHere : chunk.createWorkerGzip(),
    );
    return compressor.then((zip) => zip(body));
  };
  const doFetch = (input: string, init: RequestInit) => {
    const impl = options.fetch ?? getWindow()?.fetch?.bind(getWindow());
    if (!impl) throw new Error('fetch is not available');
    return impl(input, { method: 'POST', credentials: options.credentials ?? 'same-origin', ...init });
  };

  const exitUrl = exitUrlOf(options.url, options.siteKey);
  const toResult = (res: Response) => answerOf(res, options.url);

  // A beacon's answer is never seen: a 500 would lose the batch silently. So a beaconed batch is
  // reported as unconfirmed (`retry`): it stays stored and is sent again later, and the server
  // drops the duplicate by event id.
  const beacon = (body: string): TransportResult => {
    try {
      const nav = getNavigator();
      if (nav?.sendBeacon?.(exitUrl, body)) return { status: 'retry', reason: 'sent by beacon, unconfirmed' };
    } catch {
      // Refused: the batch stays queued (and stored) for later.
    }
    return { status: 'retry', reason: 'page-exit budget exhausted' };
  };

  const keepalive = (body: string, bytes: number): Promise<TransportResult> | undefined => {
    keepaliveInFlight += bytes;
    try {
      return doFetch(exitUrl, {
        body,
        keepalive: true,
        // A CORS-safelisted type: no preflight, which keepalive requests may not get.
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      })
        .then(
          toResult,
          (error: unknown): TransportResult => ({ status: 'retry', reason: describeError(error) }),
        )
        .finally(() => {
          keepaliveInFlight -= bytes;
        });
    } catch {
      keepaliveInFlight -= bytes;
      return undefined;
    }
  };

  // Page exit: every request starts synchronously (no compression, no awaits before fetch). The
  // browser allows 64 KB of keepalive bodies in flight: fill what is left of it, in as many
  // requests as needed, then try sendBeacon with the rest.
  const sendAtExit = (batchId: string, events: TrackerEvent[]): Promise<TransportResult> => {
    const results: (TransportResult | Promise<TransportResult>)[] = [];
    let rest = events;
    let part = 0;
    // A batch sent whole keeps its id; parts get `<batchId>.<n>` (events keep theirs either way).
    const idFor = (count: number) => (count === events.length ? batchId : `${batchId}.${part++}`);
    while (rest.length > 0) {
      const count = take(rest, budget - keepaliveInFlight);
      if (count === 0) break;
      const body = wire(idFor(count), rest.slice(0, count));
      const sent = keepalive(body, byteLength(body));
      results.push(sent ?? beacon(body));
      rest = rest.slice(count);
    }
    while (rest.length > 0) {
      const count = Math.max(1, take(rest, budget));
      results.push(beacon(wire(idFor(count), rest.slice(0, count))));
      rest = rest.slice(count);
    }
    return Promise.all(results).then((all) => all.find((r) => r.status !== 'ok') ?? { status: 'ok' });
  };

  return {
    name: options.name ?? 'http',
    endpoint: options.url,
    async send(batch, sendOptions) {
      try {
        if (sendOptions.keepalive) return await sendAtExit(batch.batchId, batch.events);
        const body = wire(batch.batchId, batch.events);
        const headers: Record<string, string> = { ...options.headers, 'Content-Type': 'application/json' };
        if (options.siteKey) headers['X-Spoor-Key'] = options.siteKey;
        let payload: BodyInit = body;
        // Characters, not bytes: a body at the threshold's edge may go either way, at no cost.
        if (compress && body.length >= threshold) {
          const zipped = await gzip(body).catch(() => undefined);
          if (zipped) {
            payload = zipped as Uint8Array<ArrayBuffer>;
            headers['Content-Encoding'] = 'gzip';
          }
        }
        if (sendOptions.signal?.aborted) return { status: 'retry', reason: 'aborted' };
        const controller = new AbortController();
        const abort = () => controller.abort();
        sendOptions.signal?.addEventListener('abort', abort);
        const timer = setTimeout(abort, timeoutMs);
        try {
          const res = await doFetch(options.url, { body: payload, headers, signal: controller.signal });
          return toResult(res);
        } finally {
          clearTimeout(timer);
          sendOptions.signal?.removeEventListener('abort', abort);
        }
      } catch (error) {
        return { status: 'retry', reason: describeError(error) };
      }
    },
  };
}
