import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

// Compared in constant time, so the answer's timing does not reveal how much of a guess was right.
function equalTokens(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Every route registered in `app` (one plugin scope) needs `Authorization: Bearer <dashboard token>`. */
export function requireDashboardToken(app: FastifyInstance, expected: string): void {
  app.addHook('onRequest', async (req, reply) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token || !equalTokens(token, expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="spoor-dashboard"').send({
        error: 'unauthorized',
        message: 'send the dashboard token as Authorization: Bearer <token>',
      });
    }
  });
}
