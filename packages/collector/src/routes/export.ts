import { decodeReplayChunk, type RrwebEvent } from '@spoor/replay/codec';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Site } from '../sites';
import { payloadBytes } from '../storage/payloadBytes';
import type { Storage, StoredEvent } from '../storage/storage';
import { requireDashboardToken } from './dashboardAuth';

export interface ExportRouteOptions {
  storage: Storage;
  sites: Map<string, Site>;
  token: string;
  /** At most this many chunks of the tab go into one export. @default EXPORT_MAX_CHUNKS */
  maxChunks?: number;
  /** About this many bytes of stored chunks go into one export. @default EXPORT_MAX_BYTES */
  maxBytes?: number;
}

/**
 * The export is built in memory (one JSON array), so it is capped: 10 000 chunks or 128 MB of
 * stored chunks, far beyond a normal session (an hour is a few hundred chunks). A capped export
 * holds the recording's first part and says so in `x-spoor-truncated: true`.
 */
const EXPORT_MAX_CHUNKS = 10_000;
const EXPORT_MAX_BYTES = 128 * 1024 * 1024;
/** Chunks read from storage (and its blob store) at a time. */
const READ_PAGE = 100;

const exportQuery = z.object({
  site: z.string().max(128).optional(),
  tabId: z.string().min(1).max(128).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(128) });

/**
 * `GET /v1/sessions/:id/replay/export`: a session's replay as standard rrweb JSON (an array of
 * rrweb events, sorted by time), whatever codec each chunk was sent in, for rrweb's own tools.
 * Tabs record separately and cannot be mixed: one tab's recording (`?tabId=`, by default the tab
 * that recorded first). Capped (see EXPORT_MAX_CHUNKS). Same authorisation as the rest of the query API.
 */
export async function exportRoutes(app: FastifyInstance, options: ExportRouteOptions): Promise<void> {
  const { storage, sites } = options;
  const siteIds = new Set([...sites.values()].map((s) => s.id));
  const defaultSite = [...sites.values()][0]?.id ?? 'default';

  requireDashboardToken(app, options.token);

  type Req = FastifyRequest<{ Querystring: Record<string, unknown>; Params: Record<string, unknown> }>;

  app.get('/v1/sessions/:id/replay/export', async (req: Req, reply) => {
    const query = exportQuery.safeParse(req.query);
    const params = idParams.safeParse(req.params);
    if (!query.success || !params.success) {
      const issues = [...(query.error?.issues ?? []), ...(params.error?.issues ?? [])];
      return reply.code(400).send({
        error: 'invalid-query',
        message: issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; '),
      });
    }
    const site = query.data.site ?? defaultSite;
    if (!siteIds.has(site))
      return reply.code(404).send({ error: 'unknown-site', message: `no site "${site}"` });
    const id = params.data.id;
    if (!(await storage.getSession(site, id))) {
      return reply.code(404).send({ error: 'not-found', message: `no session "${id}"` });
    }
    const maxChunks = options.maxChunks ?? EXPORT_MAX_CHUNKS;
    const maxBytes = options.maxBytes ?? EXPORT_MAX_BYTES;
    let tabId = query.data.tabId;
    const events: RrwebEvent[] = [];
    let unreadable = 0;
    let taken = 0;
    let bytes = 0;
    let truncated = false;
    let after: StoredEvent | undefined;
    // A page at a time, so the blobs of a long recording are not all read at once.
    reading: for (;;) {
      const page = await storage.getEvents(site, id, { types: ['replay'], limit: READ_PAGE, after });
      for (const chunk of page) {
        tabId ??= chunk.tabId;
        if (chunk.tabId !== tabId) continue;
        bytes += payloadBytes(chunk.payload);
        if (taken >= maxChunks || (taken > 0 && bytes > maxBytes)) {
          truncated = true;
          break reading;
        }
        taken += 1;
        try {
          events.push(...decodeReplayChunk(chunk.payload));
        } catch (error) {
          // One damaged chunk does not cost the rest of the recording; the response says how many.
          unreadable += 1;
          req.log.warn({ err: error, sessionId: id, eventId: chunk.id }, 'replay chunk cannot be decoded');
        }
      }
      after = page.at(-1);
      if (page.length < READ_PAGE || !after) break;
    }
    events.sort((a, b) => a.timestamp - b.timestamp);
    reply.header(
      'content-disposition',
      `attachment; filename="spoor-replay-${id.replace(/[^\w.-]/g, '_')}.json"`,
    );
    if (tabId !== undefined) reply.header('x-spoor-tab-id', tabId);
    reply.header('x-spoor-unreadable-chunks', String(unreadable));
    reply.header('x-spoor-truncated', String(truncated));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(events));
  });
}
