import { timingSafeEqual } from 'node:crypto';
import { decodeReplayChunk, type RrwebEvent } from '@spoor/replay/codec';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Site } from '../sites';
import type { Storage } from '../storage/storage';

export interface ExportRouteOptions {
  storage: Storage;
  sites: Map<string, Site>;
  token: string;
}

const exportQuery = z.object({
  site: z.string().max(128).optional(),
  tabId: z.string().min(1).max(128).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(128) });

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /v1/sessions/:id/replay/export`: a session's replay as standard rrweb JSON (an array of
 * rrweb events, sorted by time), whatever codec each chunk was sent in, for rrweb's own tools.
 * Tabs record separately and cannot be mixed: one tab's recording (`?tabId=`, by default the tab
 * that recorded first). Same authorisation as the rest of the query API.
 */
export async function exportRoutes(app: FastifyInstance, options: ExportRouteOptions): Promise<void> {
  const { storage, sites } = options;
  const siteIds = new Set([...sites.values()].map((s) => s.id));
  const defaultSite = [...sites.values()][0]?.id ?? 'default';

  app.addHook('onRequest', async (req, reply) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token || !sameToken(token, options.token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="spoor-dashboard"').send({
        error: 'unauthorized',
        message: 'send the dashboard token as Authorization: Bearer <token>',
      });
    }
  });

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
    const chunks = await storage.getEvents(site, id, { types: ['replay'], limit: 100_000 });
    const tabId = query.data.tabId ?? chunks[0]?.tabId;
    const events: RrwebEvent[] = [];
    let unreadable = 0;
    for (const chunk of chunks) {
      if (chunk.tabId !== tabId) continue;
      try {
        events.push(...decodeReplayChunk(chunk.payload));
      } catch (error) {
        // One damaged chunk does not cost the rest of the recording; the response says how many.
        unreadable += 1;
        req.log.warn({ err: error, sessionId: id, eventId: chunk.id }, 'replay chunk cannot be decoded');
      }
    }
    events.sort((a, b) => a.timestamp - b.timestamp);
    reply.header(
      'content-disposition',
      `attachment; filename="spoor-replay-${id.replace(/[^\w.-]/g, '_')}.json"`,
    );
    if (tabId !== undefined) reply.header('x-spoor-tab-id', tabId);
    reply.header('x-spoor-unreadable-chunks', String(unreadable));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(events));
  });
}
