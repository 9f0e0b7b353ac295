import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servePage } from './pageServer';

// A page whose tracker records the custom events its transport is handed, with their identity.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Identity</title></head><body>
<script src="/spoor.js"></script>
<script>
  window.sent = [];
  window.tracker = Spoor.createTracker({
    transport: {
      name: 'page',
      send: async (batch) => {
        for (const e of batch.events)
          if (e.type === 'custom') window.sent.push({ name: e.name, userId: e.userId, visitorId: e.visitorId });
        return { status: 'ok' };
      },
    },
    capture: { clicks: false, pointer: false, scroll: false, inputs: false },
  });
  window.tracker.start();
</script></body></html>`;

const served = servePage(PAGE);

interface Sent {
  name: string;
  userId?: string;
  visitorId?: string;
}
type Win = {
  tracker: { track(n: string): void; flush(): Promise<void>; identify(id: string): void; reset(): void };
  sent: Sent[];
};
const trackAndFlush = (page: Page, name: string) =>
  page.evaluate(async (n) => {
    const w = window as unknown as Win;
    w.tracker.track(n);
    await w.tracker.flush();
    return w.sent.find((e) => e.name === n);
  }, name);

async function twoTabs(): Promise<[Page, Page]> {
  const context = await served.browser.newContext();
  const tabs = [await context.newPage(), await context.newPage()] as [Page, Page];
  for (const tab of tabs) await tab.goto(served.url);
  return tabs;
}

describe("the visitor's identity holds in the site's other open tabs (Chromium)", () => {
  it("a sign-in in one tab puts the user on the other tab's next event at once", async () => {
    const [a, b] = await twoTabs();
    const before = await trackAndFlush(b, 'before');
    await a.evaluate(() => (window as unknown as Win).tracker.identify('user-42'));
    // Long before the next session, when a tab would read the visitor's cookie again by itself.
    await b.waitForTimeout(200);
    expect(await trackAndFlush(b, 'in-b')).toEqual({
      name: 'in-b',
      userId: 'user-42',
      visitorId: before?.visitorId,
    });
    await a.context().close();
  });

  it('a sign-out (reset) in one tab signs out the tab that signed in: the new visitor and no user', async () => {
    const [a, b] = await twoTabs();
    await b.evaluate(() => (window as unknown as Win).tracker.identify('user-42'));
    await b.waitForTimeout(200);
    await a.evaluate(() => (window as unknown as Win).tracker.reset());
    await b.waitForTimeout(200);
    const [inA, inB] = [await trackAndFlush(a, 'in-a'), await trackAndFlush(b, 'in-b')];
    expect(inB?.userId).toBeUndefined();
    expect(inB?.visitorId).toBe(inA?.visitorId);
    await a.context().close();
  });
});
