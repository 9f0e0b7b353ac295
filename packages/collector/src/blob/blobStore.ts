// Where replay recordings live: a small interface over a folder on disk or S3-compatible object
// storage. Keys are `<site>/<session>/<event id>.json`, each part escaped, so no part is a path.

export interface BlobStore {
  /** `file` or `s3`. */
  readonly kind: string;
  put(key: string, body: Buffer): Promise<void>;
  /** The blob, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Deletes every blob whose key starts with `prefix`; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Resolves when the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A key part that cannot climb out of its folder (`..`, `/`, `\\` are escaped). */
const part = (text: string) => encodeURIComponent(text).replace(/\./g, '%2E');

export const sessionPrefix = (site: string, sessionId: string) => `${part(site)}/${part(sessionId)}/`;
export const blobKey = (site: string, sessionId: string, eventId: string) =>
  `${sessionPrefix(site, sessionId)}${part(eventId)}.json`;
