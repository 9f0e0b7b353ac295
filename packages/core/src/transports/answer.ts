import { now } from '../env';
import { parseRetryAfter } from '../shared/retryAfter';
import { refusal } from './refusal';
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
  if (res.status >= 400) return refusal(res, url);
  return { status: 'retry', reason: `HTTP ${res.status}` };
}
