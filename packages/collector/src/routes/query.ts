import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Site } from '../sites';
import type { Storage } from '../storage/storage';

export interface QueryRouteOptions {
  storage: Storage;
  sites: Map<string, Site>;
  token: string;
}

const time = z.coerce.number().int().nonnegative().optional();
const flag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const base = z.object({ site: z.string().max(128).optional(), from: time, to: time });
const sessionsQuery = base.extend({
  path: z.string().max(2048).optional(),
  errors: flag,
  rage: flag,
  dead: flag,
  visitorId: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(512).optional(),
});
const pathQuery = base.extend({ path: z.string().min(1).max(2048) });
const heatmapQuery = pathQuery.extend({ limit: z.coerce.number().int().min(1).max(50_000).optional() });
const idParams = z.object({ id: z.string().min(1).max(128) });

function equalTokens(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The dashboard's read and erasure API: every route needs `Authorization: Bearer <dashboard token>`. */
export async function queryRoutes(app: FastifyInstance, options: QueryRouteOptions): Promise<void> {
  const { storage, sites } = options;
  const siteIds = new Set([...sites.values()].map((s) => s.id));
  const defaultSite = [...sites.values()][0]?.id ?? 'default';

  app.addHook('onRequest', async (req, reply) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token || !equalTokens(token, options.token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="spoor-dashboard"').send({
        error: 'unauthorized',
        message: 'send the dashboard token as Authorization: Bearer <token>',
      });
    }
  });

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
    const q = parse(base, req.query, reply);
    const p = parse(idParams, req.params, reply);
    const site = q && p && siteOf(q.site, reply);
    if (!p || !site) return reply;
    // The replay chunks as stored; the player (`@spoor/replay/player`) takes them as they are.
    const chunks = await storage.getEvents(site, p.id, { types: ['replay'], limit: 100_000 });
    return { sessionId: p.id, chunks };
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

  app.delete('/v1/sessions/:id', async (req: Req, reply) => {
    const q = parse(base, req.query, reply);
    const p = parse(idParams, req.params, reply);
    const site = q && p && siteOf(q.site, reply);
    if (!p || !site) return reply;
    return { deleted: await storage.deleteSession(site, p.id) };
  });

  app.delete('/v1/visitors/:id', async (req: Req, reply) => {
    const q = parse(base, req.query, reply);
    const p = parse(idParams, req.params, reply);
    const site = q && p && siteOf(q.site, reply);
    if (!p || !site) return reply;
    return { deleted: await storage.deleteVisitor(site, p.id) };
  });

  app.delete('/v1/users/:id', async (req: Req, reply) => {
    const q = parse(base, req.query, reply);
    const p = parse(idParams, req.params, reply);
    const site = q && p && siteOf(q.site, reply);
    if (!p || !site) return reply;
    return { deleted: await storage.deleteUser(site, p.id) };
  });
}
