import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeBody } from '../body';
import { storableText } from '../ingest/bounds';
import type { TimePolicy } from '../ingest/time';
import { type Issue, parseBatch } from '../schema';
import type { Site } from '../sites';
import type { SessionRules } from '../storage/sessionRules';
import type { Storage } from '../storage/storage';

export interface IngestRouteOptions {
  storage: Storage;
  sites: Map<string, Site>;
  maxBodyBytes: number;
  maxDecompressedBytes: number;
  maxEventsPerBatch: number;
  time: TimePolicy;
  rules: SessionRules;
  rateLimit: { max: number; timeWindowMs: number } | false;
}

const ACCEPTED_TYPES = new Set(['application/json', 'text/plain', 'application/octet-stream']);

type IngestRequest = FastifyRequest<{ Querystring: Record<string, unknown>; Body: Buffer }>;

/** A query parameter given once, as text (`?key=a&key=b` and other shapes count as absent). */
const queryText = (req: FastifyRequest, name: string): string | undefined => {
  const query = req.query as Record<string, unknown> | undefined;
  const value = query && Object.hasOwn(query, name) ? query[name] : undefined;
  return typeof value === 'string' && value ? value : undefined;
};

const siteKeyOf = (req: FastifyRequest): string | undefined => {
  const header = req.headers['x-spoor-key'];
  if (typeof header === 'string' && header) return header;
  return queryText(req, 'key');
};

/** One line naming each refused event's problem, for logs and for people reading the answer. */
const describe = (issues: Issue[]) => issues.map((i) => `${i.path}: ${i.message}`).join('; ');

/** The error code of an answer: the issues' own code when they share one. */
const codeOf = (issues: Issue[]) => {
  const codes = new Set(issues.map((i) => i.code));
  return codes.size === 1 ? ([...codes][0] ?? 'invalid-events') : 'invalid-events';
};

const userAgentOf = (req: FastifyRequest): string | undefined => {
  const agent = req.headers['user-agent'];
  return typeof agent === 'string' ? storableText(agent.slice(0, 512)) : undefined;
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
    const encoding = req.headers['content-encoding'] ?? queryText(req, 'enc');
    const decoded = await decodeBody(raw, encoding, options.maxDecompressedBytes);
    if (!decoded.ok) return fail(reply, decoded.status, decoded.error, decoded.message);
    const receivedAt = Date.now();
    const parsed = parseBatch(decoded.value, {
      maxEvents: options.maxEventsPerBatch,
      receivedAt,
      time: options.time,
    });
    if (!parsed.ok) {
      return fail(reply, parsed.status, parsed.error, describe(parsed.issues), { issues: parsed.issues });
    }
    const { batch } = parsed;
    try {
      const result =
        batch.events.length === 0
          ? { stored: 0, duplicates: 0 }
          : await storage.ingest(
              {
                site: site.id,
                visitorId: batch.visitorId,
                userAgent: userAgentOf(req),
                receivedAt,
                rules: options.rules,
              },
              batch.events,
            );
      const issues = [...parsed.issues, ...(result.refused ?? [])];
      if (issues.length > 0) {
        // The valid events are stored; 400 tells the tracker not to send the refused ones again.
        const { refused: _refused, ...counts } = result;
        return fail(reply, 400, codeOf(issues), describe(issues), {
          batchId: batch.batchId,
          ...counts,
          issues,
        });
      }
      return reply.code(200).send({ ok: true, batchId: batch.batchId, ...result });
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
