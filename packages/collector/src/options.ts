import type { FastifyServerOptions } from 'fastify';
import type { BlobStore } from './blob/blobStore';
import type { SiteConfig } from './sites';
import type { Storage } from './storage/storage';

export interface CollectorLimits {
  /** Largest request body as sent (compressed or not), in bytes. @default 1_048_576 */
  maxBodyBytes?: number;
  /** Largest body after gunzip, in bytes; larger bodies (zip bombs) are refused unexpanded. @default 10_485_760 */
  maxDecompressedBytes?: number;
  /** Most events in one batch; a larger batch gets 413 and the tracker splits it. @default 1000 */
  maxEventsPerBatch?: number;
  /**
   * A sender's clock within this of the collector's is trusted; beyond it, every event of the batch
   * is moved by the difference (from the batch's `sentAt`). An event later than this after receipt
   * is refused. @default 300_000 (5 minutes)
   */
  maxClockSkewMs?: number;
  /** A session takes events for this long after its first one arrived, then refuses more (`session-closed`). @default 93_600_000 (26 h) */
  maxSessionMs?: number;
  /** Most events one session holds; a session lasts at most `maxSessionMs`, so this is a daily cap. @default 50_000 */
  maxSessionEvents?: number;
  /** Events older than this on arrival are refused (the tracker keeps unsent batches 7 days). @default 691_200_000 (8 days) */
  maxEventAgeMs?: number;
}

/** How long a client may take; a slow client gets 408 and its connection closed. */
export interface CollectorTimeouts {
  /** To send the request line and headers. @default 10_000 */
  headersMs?: number;
  /** To send the whole request, body included (a body trickled byte by byte is cut off). @default 30_000 */
  requestMs?: number;
  /** An idle keep-alive connection is closed after this. @default 5_000 */
  keepAliveMs?: number;
  /** A connection with no traffic either way is closed after this. @default 60_000 */
  idleMs?: number;
}

export interface CollectorOptions {
  /** A storage to use instead of the built-in choice. */
  storage?: Storage;
  /**
   * The database, by URL: `postgres://user:pass@host/db` (add `?schema=name` for a schema of its
   * own), `sqlite:path/to/spoor.db`, or any scheme added with `registerStorage`.
   * @default `sqlite:<dataDir>/spoor.db`
   */
  databaseUrl?: string;
  /** Folder of the SQLite database and of replay recordings. @default './.data' */
  dataDir?: string;
  /**
   * Where replay recordings go: `file:/path/to/folder` or `s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=true`
   * (S3, R2, MinIO; needs `@aws-sdk/client-s3`). @default `file:<dataDir>/replay` with the built-in
   * storages; with a `storage` of your own, replay stays in it unless this or `blobStore` is set
   */
  blobUrl?: string;
  /** A blob store to use instead of `blobUrl`. */
  blobStore?: BlobStore;
  /** Sites allowed to send events. @default [{ key: 'demo', origins: ['http://localhost:*', 'http://127.0.0.1:*'] }] */
  sites?: SiteConfig[];
  /** The token that opens the dashboard and query API. @default generated once and kept in the database */
  dashboardToken?: string;
  /** Sessions last seen longer ago than this are deleted. @default 30 */
  retentionDays?: number;
  /** How often retention runs (it also runs on start). @default 3_600_000 */
  retentionIntervalMs?: number;
  limits?: CollectorLimits;
  timeouts?: CollectorTimeouts;
  /** Requests per site and client per window; `false` turns limiting off. @default { max: 600, timeWindowMs: 60_000 } */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** The built dashboard to serve at `/dashboard/`; `false` serves none. @default the package's dist/dashboard */
  dashboardDir?: string | false;
  /**
   * A built single-page app to serve at `/` beside the collector (the demo serves the instrumented
   * example this way, so it sends to `/v1/collect` on its own origin). @default undefined
   */
  appDir?: string;
  /** Fastify's logger option. @default false */
  logger?: FastifyServerOptions['logger'];
  /**
   * Trust `X-Forwarded-For` from a load balancer, so rate limits key on the real client: `true`
   * (any proxy) or the proxies' addresses (`'10.0.0.0/8,127.0.0.1'`). @default false
   */
  trustProxy?: boolean | string;
}

export const DEFAULT_SITES: SiteConfig[] = [
  { key: 'demo', origins: ['http://localhost:*', 'http://127.0.0.1:*'] },
];
