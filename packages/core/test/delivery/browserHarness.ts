// A stand-in collector for the real-browser delivery suites: it stores what Chromium sends in wire
// format v1, de-duplicating by event id like a real collector, and can be told to misbehave.
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bundleScript, repoRoot, startServer } from '../../../../test-utils/chromium';
import type { TrackerEvent } from '../../src/events';

export interface ReceivedRequest {
  at: number;
  batchId: string;
  status: number;
  /** Bytes on the wire (gzipped when it was). */
  wireBytes: number;
  /** Bytes of JSON after decompression. */
  jsonBytes: number;
  gzip: boolean;
  keepalive: boolean;
  key: string | null;
  events: number;
}

export interface Collector {
  url: string;
  /** Every event in every stored request, duplicates included. */
  raw: TrackerEvent[];
  /** Stored events by id: what a de-duplicating collector keeps. */
  stored: Map<string, TrackerEvent>;
  requests: ReceivedRequest[];
  /** Decide the answer to the next request (default 204). */
  answer: (req: { keepalive: boolean }) => { status: number; headers?: Record<string, string> };
  close(): Promise<void>;
}

let script: Promise<string> | undefined;
const spoorScript = () => {
  script ??= bundleScript(join(repoRoot, 'packages/core/test/delivery/browserEntry.ts'), 'Spoor');
  return script;
};

/** A page running a tracker with the HTTP transport to `/collect`; `setup` is extra inline script. */
export function trackerPage(config: Record<string, unknown>, setup = '', before = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Delivery test</title></head>
<body style="height:4000px"><h1>Delivery</h1><button id="buy">Buy</button><input id="q" aria-label="Search">
<script src="/spoor.js"></script>
<script>
  ${before}
  const config = ${JSON.stringify(config)};
  const wrap = window.wrapTransport ?? ((transport) => transport);
  window.tracker = Spoor.createTracker({
    transport: wrap(Spoor.createHttpTransport({ url: '/collect', siteKey: 'site-1' })),
    ...config,
  });
  window.trackedIds = [];
  window.tracker.on('*', (e) => { if (e.type === 'custom') window.trackedIds.push(e.id); });
  window.tracker.start();
  ${setup}
</script></body></html>`;
}

export async function startCollector(pages: Record<string, string>): Promise<Collector> {
  const js = await spoorScript();
  const collector: Omit<Collector, 'url' | 'close'> = {
    raw: [],
    stored: new Map(),
    requests: [],
    answer: () => ({ status: 204 }),
  };
  const server = await startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/spoor.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
      return;
    }
    if (req.method === 'GET' && pages[url.pathname] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(pages[url.pathname]);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/collect') {
      const gzip = req.headers['content-encoding'] === 'gzip' || url.searchParams.get('enc') === 'gzip';
      const json = gzip ? gunzipSync(body) : body;
      // Page-exit requests carry the key in the query (beacons cannot set headers).
      const keepalive = url.searchParams.has('key');
      const key = url.searchParams.get('key') ?? (req.headers['x-spoor-key'] as string | undefined) ?? null;
      const parsed = JSON.parse(json.toString('utf8')) as {
        v: number;
        batchId: string;
        events: TrackerEvent[];
      };
      const { status, headers } = collector.answer({ keepalive });
      collector.requests.push({
        at: Date.now(),
        batchId: parsed.batchId,
        status,
        wireBytes: body.length,
        jsonBytes: json.length,
        gzip,
        keepalive,
        key,
        events: parsed.events.length,
      });
      if (status >= 200 && status < 300 && parsed.v === 1) {
        for (const event of parsed.events) {
          collector.raw.push(event);
          if (!collector.stored.has(event.id)) collector.stored.set(event.id, event);
        }
      }
      res.writeHead(status, headers ?? {}).end();
      return;
    }
    res.writeHead(404).end();
  });
  return Object.assign(collector, { url: server.url, close: server.close });
}

/** Events of one type the collector stored. */
export function storedOfType(collector: Collector, type: TrackerEvent['type']): TrackerEvent[] {
  return [...collector.stored.values()].filter((e) => e.type === type);
}
