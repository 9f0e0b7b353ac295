import type { TrackerEvent } from '../events';

/** A batch handed to a transport. Its `batchId` and every event `id` stay the same across retries. */
export interface TransportBatch {
  batchId: string;
  /**
   * Read-only: the queue's own events, whose JSON is made once when they are queued. To add or
   * change fields, copy them (or use the tracker's `beforeSend`).
   */
  events: TrackerEvent[];
  /** 0 on the first try, then 1, 2, … */
  attempt: number;
}

/** How a transport is asked to send. */
export interface TransportSendOptions {
  /**
   * True when the page is being hidden or left: the request must survive the page (keepalive /
   * beacon) and must start synchronously, before any `await`.
   */
  keepalive: boolean;
  /** Aborted when queued data is cleared (consent denied): pass it to `fetch`. */
  signal?: AbortSignal;
}

/**
 * What became of a batch:
 * - `ok`: stored by the server;
 * - `retry`: try again later (after `retryAfterMs` when the server said so);
 * - `split`: too large for the server (HTTP 413): the queue halves the batch and tries again;
 * - `drop`: the server refused it for good; the queue reports a `transport:error` and forgets it.
 */
export type TransportResult =
  | { status: 'ok' }
  | { status: 'retry'; retryAfterMs?: number; reason?: string }
  | { status: 'split' }
  | { status: 'drop'; reason: string; httpStatus?: number };

/**
 * The only contract between the core and a backend. A transport never throws and never rejects:
 * every failure is a `TransportResult` (a throw or rejection is treated as `retry` by the queue).
 *
 * @example
 * const transport: Transport = {
 *   name: 'my-backend',
 *   async send(batch) {
 *     const res = await fetch('/events', { method: 'POST', body: JSON.stringify(batch.events) });
 *     return res.ok ? { status: 'ok' } : { status: 'retry' };
 *   },
 * };
 */
export interface Transport {
  /** Used in `transport:error` events and to keep one queue per transport. */
  name: string;
  /** Where it sends, for `tracker.disclosure()` (the HTTP transport gives its URL). */
  readonly endpoint?: string;
  send(batch: TransportBatch, options: TransportSendOptions): Promise<TransportResult>;
}
