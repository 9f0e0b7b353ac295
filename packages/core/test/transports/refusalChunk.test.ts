import { describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from '../../src/transports/http';
import { makeEvent } from '../delivery/helpers';

// The diagnostics' chunk, which reads a refusal's body, cannot load here (offline, a
// Content-Security-Policy).
vi.mock('@spoor/core/debug', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('a refused batch without the diagnostics chunk', () => {
  it('is still dropped, with the status as its reason', async () => {
    const body = JSON.stringify({ error: 'missing-site-key', message: 'send the site key as ?key=' });
    const transport = createHttpTransport({
      url: 'https://c.example/v1/collect',
      fetch: (async () => new Response(body, { status: 401 })) as typeof fetch,
    });
    const batch = { batchId: 'batch-1', attempt: 0, events: [makeEvent()] };
    expect(await transport.send(batch, { keepalive: false })).toEqual({
      status: 'drop',
      reason: 'HTTP 401',
      httpStatus: 401,
    });
  });
});
