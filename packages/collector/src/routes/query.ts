import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Site } from '../sites';
import { payloadBytes } from '../storage/payloadBytes';
import { decodeEventCursor, encodeEventCursor } from '../storage/sql';
import type { Storage, StoredEvent } from '../storage/storage';
import { requireDashboardToken } from './dashboardAuth';

export interface QueryRouteOptions {
  storage: Storage;
  sites: Map<string, Site>;
  token: string;
}

/** Text the storages can compare: no NUL, no lone surrogates (PostgreSQL refuses both). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000') && s.isWellFormed(), 'contains characters no text can hold');
// Date's own range: anything wider cannot be a time.
const time = z.coerce.number().int().min(0).max(8.64e15).optional();
const flag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const base = z.object({ site: text(128).optional(), from: time, to: time });
const sessionsQuery = base.extend({
  path: text(2048).optional(),
  errors: flag,
  rage: flag,
  dead: flag,
  visitorId: text(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: text(512).optional(),
});
const pathQuery = base.extend({ path: text(2048).pipe(z.string().min(1)) });
const heatmapQuery = pathQuery.extend({ limit: z.coerce.number().int().min(1).max(50_000).optional() });
const replayQuery = base.extend({
  cursor: text(512).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
/** A replay page: at most this many chunks (`?limit=` up to 500) and about this many bytes. */
const REPLAY_PAGE_CHUNKS = 100;
const REPLAY_PAGE_BYTES = 4 * 1024 * 1024;
const idParams = z.object({ id: text(128).pipe(z.string().min(1)) });

/** The dashboard's read and erasure API: every route needs `Authorization: Bearer <dashboard token>`. */
export async function queryRoutes(app: FastifyInstance, options: QueryRouteOptions): Promise<void> {
  const { storage, sites } = options;
  const siteIds = new Set([...sites.values()].map((s) => s.id));
  const defaultSite = [...sites.values()][0]?.id ?? 'default';

  requireDashboardToken(app, options.token);

  function parse<TSchema extends z.ZodType>(
    schema: TSchema,
    value: unknown,
    reply: FastifyReply,
  ): z.infer<TSchema> | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    reply.code(400).send({
      error: 'invalid-query',
      message: result.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; '),
    });
    return null;
  }

  const siteOf = (site: string | undefined, reply: FastifyReply): string | null => {
    const id = site ?? defaultSite;
    if (siteIds.has(id)) return id;
    reply.code(404).send({ error: 'unknown-site', message: `no site "${id}"` });
    return null;
  };

  type Req = FastifyRequest<{ Querystring: Record<string, unknown>; Params: Record<string, unknown> }>;

  app.get('/v1/sites', async () => ({
    sites: [...sites.values()].map((s) => ({ id: s.id, name: s.name })),
    storage: storage.kind,
  }));

  app.get('/v1/sessions', async (req: Req, reply) => {
    const q = parse(sessionsQuery, req.query, reply);
    const site = q && siteOf(q.site, reply);
    if (!q || !site) return reply;
    return storage.listSessions({ ...q, site });
  });

  app.get('/v1/sessions/:id', async (req: Req, reply) => {
    const q = parse(base, req.query, reply);
    const p = parse(idParams, req.params, reply);
    const site = q && p && siteOf(q.site, reply);
    if (!p || !site) return reply;
    const session = await storage.getSession(site, p.id);
    if (!session) return reply.code(404).send({ error: 'not-found', message: `no session "${p.id}"` });
    // The timeline: everything but replay chunks (fetched separately, they are large).
    const events = await storage.getEvents(site, p.id, { excludeTypes: ['replay'] });
    return { session, events };
  });

  app.get('/v1/sessions/:id/replay', async (req: Req, reply) => {
    const q = parse(replayQuery, req.query, reply);
    const p = parse(idParams, req.params, reply);
    const site = q && p && siteOf(q.site, reply);
    if (!q || !p || !site) return reply;
    const after = q.cursor ? decodeEventCursor(q.cursor) : undefined;
    if (after === null)
      return reply.code(400).send({ error: 'invalid-query', message: 'cursor: not a cursor' });
    const limit = q.limit ?? REPLAY_PAGE_CHUNKS;
    const rows = await storage.getEvents(site, p.id, { types: ['replay'], limit: limit + 1, after });
    // The chunks as stored (the player takes them as they are), a page at a time: at most
    // `limit` chunks and about REPLAY_PAGE_BYTES, always at least one.
    const chunks: StoredEvent[] = [];
    let bytes = 0;
    for (const row of rows.slice(0, limit)) {
      bytes += payloadBytes(row.payload);
      if (chunks.length > 0 && bytes > REPLAY_PAGE_BYTES) break;
      chunks.push(row);
    }
    const last = chunks.at(-1);
    const more = chunks.length < rows.length;
    return { sessionId: p.id, chunks, ...(more && last ? { next: encodeEventCursor(last) } : {}) };
  });

  app.get('/v1/pages', async (req: Req, reply) => {
    const q = parse(base, req.query, reply);
    const site = q && siteOf(q.site, reply);
    if (!q || !site) return reply;
    return { pages: await storage.pageStats({ ...q, site }) };
  });

  app.get('/v1/pages/detail', async (req: Req, reply) => {
    const q = parse(pathQuery, req.query, reply);
    const site = q && siteOf(q.site, reply);
    if (!q || !site) return reply;
    return storage.pageDetail({ ...q, site });
  });

  app.get('/v1/heatmap', async (req: Req, reply) => {
    const q = parse(heatmapQuery, req.query, reply);
    const site = q && siteOf(q.site, reply);
    if (!q || !site) return reply;
    return { path: q.path, clicks: await storage.heatmap({ ...q, site }) };
  });

  app.get('/v1/clicks/issues', async (req: Req, reply) => {
    const q = parse(base, req.query, reply);
    const site = q && siteOf(q.site, reply);
    if (!q || !site) return reply;
    return { issues: await storage.clickIssues({ ...q, site }) };
  });

  // Erasure by session, visitor or user: the same checks, then the storage's own delete.
  const erasers = {
    sessions: (site: string, id: string) => storage.deleteSession(site, id),
    visitors: (site: string, id: string) => storage.deleteVisitor(site, id),
    users: (site: string, id: string) => storage.deleteUser(site, id),
  };
  for (const [kind, erase] of Object.entries(erasers)) {
    app.delete(`/v1/${kind}/:id`, async (req: Req, reply) => {
      const q = parse(base, req.query, reply);
      const p = parse(idParams, req.params, reply);
      const site = q && p && siteOf(q.site, reply);
      if (!p || !site) return reply;
      const { sessions, events } = await erase(site, p.id);
      return { deleted: { sessions, events } };
    });
  }
}
