import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript, launchChromium, repoRoot, startServer } from '../../../../test-utils/chromium';

// A page whose tracker records, from before start(), every session:start and every session id
// its events carry. Its transport answers ok without a network.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Tabs</title></head><body>
<script src="/spoor.js"></script>
<script>
  window.starts = [];
  window.sessionIds = [];
  const tracker = Spoor.createTracker({
    transport: { name: 'noop', send: async () => ({ status: 'ok' }) },
    capture: { clicks: false, pointer: false, scroll: false, inputs: false },
  });
  tracker.on('*', (e) => {
    if (e.type === 'session:start') window.starts.push(e.sessionId);
    if (e.seq >= 0) window.sessionIds.push(e.sessionId);
  });
  tracker.start();
  tracker.track('opened');
  window.tracker = tracker;
</script></body></html>`;

interface TabState {
  starts: string[];
  sessionIds: string[];
  snapshot: string | null;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  const script = await bundleScript(join(repoRoot, 'packages/core/test/delivery/browserEntry.ts'), 'Spoor');
  server = await startServer((req, res) => {
    if (req.url === '/spoor.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const stateOf = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      starts: string[];
      sessionIds: string[];
      tracker: { getSnapshot(): { sessionId: string | null } };
    };
    return { starts: w.starts, sessionIds: w.sessionIds, snapshot: w.tracker.getSnapshot().sessionId };
  });

/** Loads both pages at the same instant and waits until each has its session and its events. */
async function openTogether(context: BrowserContext, pages: Page[], round: number): Promise<TabState[]> {
  await context.clearCookies();
  await Promise.all(pages.map((page) => page.goto(`${server.url}/?round=${round}`, { waitUntil: 'commit' })));
  await Promise.all(
    pages.map((page) =>
      page.waitForFunction(
        () => ((window as unknown as { sessionIds?: string[] }).sessionIds?.length ?? 0) >= 2,
        null,
        {
          polling: 10,
        },
      ),
    ),
  );
  // Room for a second session:start to show up, were there one.
  await pages[0]?.waitForTimeout(50);
  return Promise.all(pages.map(stateOf));
}

describe('sessions across tabs that start together (Chromium)', () => {
  it('gives two tabs opened at the same instant one session id and one session:start', async () => {
    const context = await browser.newContext();
    const pages = [await context.newPage(), await context.newPage()];
    const rounds: TabState[][] = [];
    for (let round = 0; round < 20; round++) rounds.push(await openTogether(context, pages, round));

    for (const tabs of rounds) {
      const starts = tabs.flatMap((tab) => tab.starts);
      const ids = new Set(tabs.flatMap((tab) => [...tab.sessionIds, tab.snapshot]));
      expect({ starts: starts.length, ids: ids.size }).toEqual({ starts: 1, ids: 1 });
    }
    // Each round began a new visit: twenty rounds, twenty sessions.
    expect(new Set(rounds.map((tabs) => tabs[0]?.snapshot)).size).toBe(20);
    await context.close();
  });
});
