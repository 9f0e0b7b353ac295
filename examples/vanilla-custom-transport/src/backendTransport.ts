// A custom transport: Spoor batches → the existing backend's own schema and auth.
import type { TrackerEvent, Transport, TransportResult } from '@spoor/core';

/** One event as the existing backend wants it. */
export interface BackendEvent {
  /** Spoor's event id: the backend keeps the first copy of each, so retries never double-count. */
  id: string;
  name: string;
  /** ISO 8601. */
  at: string;
  user: string;
  props?: Record<string, unknown>;
}

export interface BackendTransportOptions {
  /** The backend's endpoint. */
  url: string;
  /** Its bearer token. */
  token: string;
  /** The signed-in user, as the backend knows them. */
  user: string;
}

/** Spoor event → backend event: custom events keep their name, the others are named after their type. */
export function toBackendEvent(event: TrackerEvent, user: string): BackendEvent {
  const base = { id: event.id, at: new Date(event.ts).toISOString(), user };
  switch (event.type) {
    case 'custom':
      return { ...base, name: event.name, props: event.props };
    case 'page:view':
      return { ...base, name: 'page_view', props: { path: event.path, title: event.title } };
    case 'click':
      return { ...base, name: 'click', props: { selector: event.target.selector, text: event.target.text } };
    default:
      return { ...base, name: event.type.replace(':', '_') };
  }
}

/** Reads `Retry-After` (seconds) into milliseconds. */
function retryAfter(res: Response): number | undefined {
  const seconds = Number(res.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * The transport: it never throws; it tells Spoor's queue what to do with each batch.
 */
export function createBackendTransport(options: BackendTransportOptions): Transport {
  return {
    name: 'backend',
    async send(batch, { keepalive, signal }): Promise<TransportResult> {
      const body = JSON.stringify({
        events: batch.events.map((event) => toBackendEvent(event, options.user)),
      });
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
          body,
          // At page exit the request must outlive the page (64 KB at most for all such requests).
          keepalive: keepalive && body.length < 60_000,
          signal: signal ?? null,
        });
        if (res.ok) return { status: 'ok' };
        if (res.status === 413) return { status: 'split' };
        if (res.status === 429 || res.status === 408 || res.status >= 500) {
          const retryAfterMs = retryAfter(res);
          return {
            status: 'retry',
            reason: `backend answered ${res.status}`,
            ...(retryAfterMs ? { retryAfterMs } : {}),
          };
        }
        // 401, 403, 400…: sending the same batch again cannot help.
        return {
          status: 'drop',
          reason: `backend refused the batch (${res.status})`,
          httpStatus: res.status,
        };
      } catch (error) {
        // Offline, DNS, CORS, aborted: try again later.
        return { status: 'retry', reason: error instanceof Error ? error.message : 'network error' };
      }
    },
  };
}
