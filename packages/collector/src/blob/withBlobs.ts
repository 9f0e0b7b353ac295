// Replay chunks (about 95 % of the bytes) go to the blob store; the events table keeps a small
// row pointing at each. Erasure and retention delete a session's blobs with its rows.

import { rememberPayloadBytes } from '../storage/payloadBytes';
import type { ErasureResult, Storage, StoredEvent } from '../storage/storage';
import { type BlobStore, blobKey, sessionPrefix } from './blobStore';

const isBlobRow = (payload: Record<string, unknown>) => typeof payload.blob === 'string';

/** `storage`, with replay recordings kept in `blobs`. */
export function withBlobs(storage: Storage, blobs: BlobStore): Storage & { blobs: BlobStore } {
  const dropBlobs = async (result: ErasureResult): Promise<ErasureResult> => {
    for (const { site, id } of result.erased ?? []) await blobs.deletePrefix(sessionPrefix(site, id));
    return result;
  };
  return {
    ...storage,
    blobs,
    async ingest(context, events) {
      const moved = await Promise.all(
        events.map(async (event): Promise<StoredEvent> => {
          if (event.type !== 'replay') return event;
          const key = blobKey(context.site, event.sessionId, event.id);
          const body = Buffer.from(JSON.stringify(event.payload));
          // Written before the row, so a stored row always has its blob (a retry rewrites the same).
          await blobs.put(key, body);
          return { ...event, payload: { full: event.payload.full === true, blob: key, bytes: body.length } };
        }),
      );
      const result = await storage.ingest(context, moved);
      return result;
    },
    async getEvents(site, sessionId, query) {
      const events = await storage.getEvents(site, sessionId, query);
      return Promise.all(
        events.map(async (event) => {
          if (event.type !== 'replay' || !isBlobRow(event.payload)) return event;
          const body = await blobs.get(String(event.payload.blob));
          // A blob gone missing (deleted by hand) leaves an empty chunk, not a failed page.
          const payload = body
            ? rememberPayloadBytes(JSON.parse(body.toString('utf8')) as Record<string, unknown>, body.length)
            : { events: [], full: false };
          return { ...event, payload };
        }),
      );
    },
    deleteSession: async (site, id) => dropBlobs(await storage.deleteSession(site, id)),
    deleteVisitor: async (site, visitorId) => dropBlobs(await storage.deleteVisitor(site, visitorId)),
    deleteUser: async (site, userId) => dropBlobs(await storage.deleteUser(site, userId)),
    deleteOlderThan: async (cutoff) => dropBlobs(await storage.deleteOlderThan(cutoff)),
    async ping() {
      await storage.ping?.();
      await blobs.ping();
    },
    async close() {
      await storage.close();
      await blobs.close();
    },
  };
}
