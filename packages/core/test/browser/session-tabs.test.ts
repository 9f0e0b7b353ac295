import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servePage } from './pageServer';

// A page whose tracker records, from its start, every session:start and every session id
// its events carry. Its transport answers ok without a network.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Tabs</title></head><body>
<script src="/spoor.js"></script>
<script>
  window.starts = [];
  window.ends = [];
  window.sessionIds = [];
  const params = new URLSearchParams(location.search);
  // Each round has a cookie (and so a lock and a channel) of its own: a write the last round's
  // pages made at exit can land after the clear, and would hand this round their session.
  const cookieName = 'spoor_sid_' + params.get('round');
  const tracker = Spoor.createTracker({
    session: { cookieName, idleTimeoutMs: Number(params.get('idle')) || undefined },
    transport: { name: 'noop', send: async () => ({ status: 'ok' }) },
    capture: { clicks: false, pointer: false, scroll: false, inputs: false },
  });
  tracker.on('*', (e) => {
    if (e.type === 'session:start') window.starts.push(e.sessionId);
    if (e.type === 'session:end') window.ends.push(e.sessionId);
    if (e.seq >= 0) window.sessionIds.push(e.sessionId);
  });
  // The session ids this tab hears claimed on the cross-tab channel (tabs without Web Locks claim a session there).
  window.claims = [];
  new BroadcastChannel('spoor:' + cookieName).onmessage = (e) => {
    if (e.data?.c) window.claims.push(e.data.c.id);
  };
  window.tracker = tracker;
  const go = () => {
    tracker.start();
    tracker.track('opened');
  };
  // With \`at\`, loaded tabs start their trackers at that moment (the same millisecond, give or take
  // a timer's precision); without it, as each page loads, a few milliseconds apart.
  const at = Number(params.get('at'));
  if (at) setTimeout(go, Math.max(0, at - Date.now()));
  else go();
</script></body></html>`;

interface TabState {
  starts: string[];
  sessionIds: string[];
  snapshot: string | null;
  claims: string[];
}

const served = servePage(PAGE);

const stateOf = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      starts: string[];
      sessionIds: string[];
      claims: string[];
      tracker: { getSnapshot(): { sessionId: string | null } };
    };
    const snapshot = w.tracker.getSnapshot().sessionId;
    return { starts: w.starts, sessionIds: w.sessionIds, snapshot, claims: w.claims };
  });

/**
 * Loads both pages at the same instant (`sameMs`: and starts their trackers in the same
 * millisecond), then waits until each has its session and its events.
 */
async function openTogether(
  context: BrowserContext,
  pages: Page[],
  round: number,
  sameMs: boolean,
): Promise<TabState[]> {
  // The last round's pages leave first, their channels closed before the new round opens.
  await Promise.all(pages.map((page) => page.goto('about:blank')));
  await context.clearCookies();
  const at = sameMs ? `&at=${Date.now() + 300}` : '';
  await Promise.all(
    pages.map((page) => page.goto(`${served.url}/?round=${round}${at}`, { waitUntil: 'commit' })),
  );
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

/** Both pages opened together `rounds` times: one session:start and one session id per round. */
async function expectOneSessionPerRound(
  context: BrowserContext,
  rounds: number,
  sameMs = false,
): Promise<TabState[][]> {
  const pages = [await context.newPage(), await context.newPage()];
  const results: TabState[][] = [];
  for (let round = 0; round < rounds; round++)
    results.push(await openTogether(context, pages, round, sameMs));

  results.forEach((tabs, round) => {
    const starts = tabs.flatMap((tab) => tab.starts);
    const ids = new Set(tabs.flatMap((tab) => [...tab.sessionIds, tab.snapshot]));
    // The tabs' whole state in the message: a failure here has been rare, and needs it to be read.
    expect({ starts: starts.length, ids: ids.size }, `round ${round}: ${JSON.stringify(tabs)}`).toEqual({
      starts: 1,
      ids: 1,
    });
  });
  // Each round began a new visit: one new session per round.
  expect(new Set(results.map((tabs) => tabs[0]?.snapshot)).size).toBe(rounds);
  return results;
}

describe('sessions across tabs that start together (Chromium)', () => {
  it('gives two tabs opened at the same instant one session id and one session:start', async () => {
    const context = await served.browser.newContext();
    const rounds = await expectOneSessionPerRound(context, 40, true);
    // Web Locks decided: no tab made a claim.
    expect(rounds.flat().flatMap((tab) => tab.claims)).toEqual([]);
    await context.close();
  });

  it('does the same without Web Locks (an http:// origin), trackers starting in the same millisecond', async () => {
    const context = await served.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
    });
    const rounds = await expectOneSessionPerRound(context, 20, true);
    // Each round's session is the one a tab claimed on the cross-tab channel.
    for (const tabs of rounds) {
      const id = tabs[0]?.snapshot;
      expect(tabs.flatMap((tab) => tab.claims)).toContain(id);
    }
    await context.close();
  });

  // With Web Locks only: without them the tabs wait a random moment, which makes a second end rare
  // but not impossible (session/expiry.test.ts covers that path).
  it('ends a session once when every tab left it idle (their timers fire at the same instant)', async () => {
    const context = await served.browser.newContext();
    // Six pairs of tabs at once, each pair with a cookie of its own and a 1.5 s idle timeout.
    const pairs = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (round) => {
        const tabs = [await context.newPage(), await context.newPage()];
        for (const tab of tabs) await tab.goto(`${served.url}/?round=idle${round}&idle=1500`);
        return tabs;
      }),
    );
    const endsOf = async (tabs: Page[]) =>
      (
        await Promise.all(
          tabs.map((tab) => tab.evaluate(() => (window as unknown as { ends: string[] }).ends)),
        )
      ).flat();
    // Either tab may be the one that ends it.
    for (const tabs of pairs)
      await expect.poll(async () => (await endsOf(tabs)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    // Room for a second session:end, were there one.
    await pairs[0]?.[0]?.waitForTimeout(500);
    for (const tabs of pairs) expect(await endsOf(tabs)).toHaveLength(1);
    await context.close();
  });
});
