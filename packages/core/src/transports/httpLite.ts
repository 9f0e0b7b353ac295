import { getNavigator, getWindow, now } from '../env';
import { describeError } from '../errors';
import { answerOf } from './answer';
import { exitUrlOf } from './exitUrl';
import { gzipHere } from './gzip';
import type { HttpTransportOptions } from './http';
import type { Transport, TransportResult } from './transport';

/** Browsers refuse keepalive bodies beyond 64 KB in flight: a larger exit body goes by beacon. */
const KEEPALIVE_MAX = 60_000;

/**
 * The HTTP transport of `@spoor/core/lite`: the same wire format and answers as `@spoor/core`'s,
 * in a smaller transport. Bodies are gzipped on the main thread (`compressInWorker` has no
 * effect), and at page exit a batch goes in one keepalive request, or by beacon when it is larger
 * than `keepaliveBudgetBytes`. A beacon's answer cannot be read: the batch stays queued.
 *
 * @example
 * const tracker = createCoreTracker({ transport: createHttpTransport({ url: '/spoor/collect' }) });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { url, siteKey } = options;
  const exitUrl = exitUrlOf(url, siteKey);
  const post = (target: string, body: BodyInit, init: RequestInit): Promise<TransportResult> => {
    const impl = options.fetch ?? getWindow()?.fetch?.bind(getWindow());
    if (!impl) throw new Error('fetch is not available');
    return impl(target, {
      method: 'POST',
      body,
      credentials: options.credentials ?? 'same-origin',
      ...init,
    }).then((res) => answerOf(res, url));
  };
  return {
    name: options.name ?? 'http',
    endpoint: url,
    async send(batch, { keepalive, signal }) {
      try {
        const body = JSON.stringify({ v: 1, batchId: batch.batchId, sentAt: now(), events: batch.events });
        if (keepalive) {
          if (body.length < (options.keepaliveBudgetBytes ?? KEEPALIVE_MAX))
            // A CORS-safelisted type: no preflight, which keepalive requests may not get.
            return await post(exitUrl, body, {
              keepalive,
              headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
            });
          getNavigator()?.sendBeacon?.(exitUrl, body);
          return { status: 'retry', reason: 'sent by beacon, unconfirmed' };
        }
        const headers: Record<string, string> = { ...options.headers, 'Content-Type': 'application/json' };
        if (siteKey) headers['X-Spoor-Key'] = siteKey;
        let payload: BodyInit = body;
        if (options.compress !== false && body.length >= (options.compressThreshold ?? 1024)) {
          const zipped = await gzipHere(body).catch(() => undefined);
          if (zipped) {
            payload = zipped as Uint8Array<ArrayBuffer>;
            headers['Content-Encoding'] = 'gzip';
          }
        }
        const timeout = AbortSignal.timeout?.(options.timeoutMs ?? 30_000);
        const signals = [signal, timeout].filter((s): s is AbortSignal => !!s);
        return await post(url, payload, { headers, signal: AbortSignal.any?.(signals) ?? signal });
      } catch (error) {
        return { status: 'retry', reason: describeError(error) };
      }
    },
  };
}
