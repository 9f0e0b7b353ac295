import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeBody } from '../body';
import { parseBatch } from '../schema';
import type { Site } from '../sites';
import type { Storage } from '../storage/storage';

export interface IngestRouteOptions {
  storage: Storage;
  sites: Map<string, Site>;
  maxBodyBytes: number;
  maxDecompressedBytes: number;
  maxEventsPerBatch: number;
  rateLimit: { max: number; timeWindowMs: number } | false;
}

const ACCEPTED_TYPES = new Set(['application/json', 'text/plain', 'application/octet-stream']);

type IngestRequest = FastifyRequest<{ Querystring: { key?: string; enc?: string }; Body: Buffer }>;

const siteKeyOf = (req: FastifyRequest): string | undefined => {
  const header = req.headers['x-spoor-key'];
  if (typeof header === 'string' && header) return header;
  const query = (req.query as { key?: unknown }).key;
  return typeof query === 'string' && query ? query : undefined;
};

/** `POST /v1/collect`: the version-1 wire format, by fetch or by beacon. */
export async function ingestRoutes(app: FastifyInstance, options: IngestRouteOptions): Promise<void> {
  const { storage, sites } = options;
  const sitesList = [...sites.values()];

  // Every body arrives as raw bytes (JSON, text/plain beacons, gzip): decoding is ours, with limits.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.maxBodyBytes }, (_req, body, done) =>
    done(null, body),
  );

  // Preflights carry no key, so they pass for any origin some site allows; the request itself is
  // then checked against its own site's list.
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || sitesList.some((site) => site.allows(origin))),
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'Content-Encoding', 'X-Spoor-Key'],
    maxAge: 86_400,
  });

  if (options.rateLimit) {
    await app.register(rateLimit, {
      max: options.rateLimit.max,
      timeWindow: options.rateLimit.timeWindowMs,
      keyGenerator: (req) => `${siteKeyOf(req) ?? '-'}|${req.ip}`,
      errorResponseBuilder: (_req, context) => ({
        statusCode: 429,
        error: 'rate-limited',
        message: `too many requests for this site from this client; retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    });
  }

  const fail = (reply: FastifyReply, status: number, error: string, message: string, extra?: object) =>
    reply.code(status).send({ error, message, ...extra });

  app.post('/v1/collect', async (req: IngestRequest, reply) => {
    const key = siteKeyOf(req);
    if (!key)
      return fail(reply, 401, 'missing-site-key', 'send the site key as ?key= or the X-Spoor-Key header');
    const site = sites.get(key);
    if (!site)
      return fail(reply, 403, 'unknown-site-key', 'this site key is not configured on the collector');
    const origin = req.headers.origin;
    if (origin && !site.allows(origin)) {
      return fail(reply, 403, 'origin-not-allowed', `origin ${origin} may not send events for this site`);
    }
    const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type && !ACCEPTED_TYPES.has(type)) {
      return fail(reply, 415, 'unsupported-media-type', `send application/json or text/plain, not ${type}`);
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const encoding = req.headers['content-encoding'] ?? req.query.enc;
    const decoded = await decodeBody(raw, encoding, options.maxDecompressedBytes);
    if (!decoded.ok) return fail(reply, decoded.status, decoded.error, decoded.message);
    const parsed = parseBatch(decoded.value, options.maxEventsPerBatch);
    if (!parsed.ok) {
      return fail(reply, 400, parsed.error, parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
        issues: parsed.issues,
      });
    }
    try {
      const result = await storage.ingest(
        {
          site: site.id,
          visitorId: parsed.batch.visitorId,
          userAgent: req.headers['user-agent']?.slice(0, 512),
        },
        parsed.batch.events,
      );
      return reply.code(200).send({ ok: true, batchId: parsed.batch.batchId, ...result });
    } catch (error) {
      req.log.error({ err: error }, 'storing a batch failed');
      // 503: the tracker keeps the batch and retries; ids make the retry safe.
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: 'storage-unavailable', message: 'try again later' });
    }
  });
}
