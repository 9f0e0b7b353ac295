import { now } from '../env';
import { parseRetryAfter } from '../shared/retryAfter';
import type { TransportResult } from './transport';

function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** What a collector's HTTP answer means for the batch sent to `url`. */
export function answerOf(res: Response, url: string): TransportResult | Promise<TransportResult> {
  if (res.ok || res.type === 'opaque') return { status: 'ok' };
  if (res.status === 413) return { status: 'split' };
  if (retryable(res.status)) {
    const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), now());
    return {
      status: 'retry',
      reason: `HTTP ${res.status}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  // The server's words come with the diagnostics' wording, a chunk of its own: most pages are never
  // refused. Without that chunk (offline, a Content-Security-Policy), the status alone.
  if (res.status >= 400) {
    return import('@spoor/core/debug').then(
      (chunk) => chunk.refusal(res, url),
      (): TransportResult => ({ status: 'drop', reason: `HTTP ${res.status}`, httpStatus: res.status }),
    );
  }
  return { status: 'retry', reason: `HTTP ${res.status}` };
}
