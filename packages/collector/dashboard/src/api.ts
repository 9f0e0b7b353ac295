// The collector's query API, with the dashboard token from the login form (or `#token=` in the URL).
import type {
  ClickIssue,
  PageDetail,
  PageStat,
  SessionPage,
  SessionSummary,
  StoredEvent,
} from '../../src/index';

export type { ClickIssue, PageDetail, PageStat, SessionPage, StoredEvent };

const TOKEN_KEY = 'spoor-dashboard-token';

export class UnauthorizedError extends Error {}

export function readToken(): string | null {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = hash.get('token');
  if (fromHash) {
    localStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return localStorage.getItem(TOKEN_KEY);
}

export const saveToken = (token: string) => localStorage.setItem(TOKEN_KEY, token);
export const clearToken = () => localStorage.removeItem(TOKEN_KEY);

export type Query = Record<string, string | number | boolean | undefined | null>;

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function api<T>(path: string, query: Query = {}, init: RequestInit = {}): Promise<T> {
  const token = localStorage.getItem(TOKEN_KEY) ?? '';
  const res = await fetch(`/v1${path}${queryString(query)}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  if (res.status === 401) throw new UnauthorizedError('The token was refused.');
  const body = (await res.json().catch(() => ({}))) as T & { message?: string };
  if (!res.ok) throw new Error(body.message ?? `HTTP ${res.status}`);
  return body;
}

/** A session's events flattened back into the shape the tracker sent (envelope + payload). */
export const flatten = (events: StoredEvent[]) =>
  events.map(({ payload, ...envelope }) => ({ ...payload, ...envelope }));

export interface SessionDetail {
  session: SessionSummary;
  events: StoredEvent[];
}
