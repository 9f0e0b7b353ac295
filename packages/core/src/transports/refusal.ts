import type { TransportResult } from './transport';

/** Longest part of an error body read: the collector's answers are a few hundred bytes. */
const MAX_BODY = 2_000;

/** The path of `url`, for messages ("/v1/collect"); the whole string when it does not parse. */
function pathOf(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    return url;
  }
}

/**
 * A refused batch's reason, with the server's own words when it gives them (the collector answers
 * `{ error, message }`): "HTTP 401 missing-site-key from /v1/collect: send the site key as ?key=…".
 * A bare status says little to someone who pointed the tracker at the wrong place.
 */
export async function refusal(res: Response, url: string): Promise<TransportResult> {
  let detail = '';
  try {
    const text = (await res.text()).slice(0, MAX_BODY);
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const code = typeof body.error === 'string' ? ` ${body.error}` : '';
    const message = typeof body.message === 'string' ? `: ${body.message}` : '';
    detail = `${code} from ${pathOf(url)}${message}`;
  } catch {
    detail = ` from ${pathOf(url)}`;
  }
  return { status: 'drop', reason: `HTTP ${res.status}${detail}`, httpStatus: res.status };
}
