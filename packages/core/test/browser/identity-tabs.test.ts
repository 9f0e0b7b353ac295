import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servePage, trackAndFlush, twoTabs } from './pageServer';

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
type Win = { tracker: { identify(id: string): void; reset(): void } };
/** The event `name` as the page's transport was handed it. */
const sentAs = async (page: Page, name: string) =>
  (await trackAndFlush<Sent>(page, name)).find((e) => e.name === name);

describe("the visitor's identity holds in the site's other open tabs (Chromium)", () => {
  it("a sign-in in one tab puts the user on the other tab's next event at once", async () => {
    const [a, b] = await twoTabs(served);
    const before = await sentAs(b, 'before');
    await a.evaluate(() => (window as unknown as Win).tracker.identify('user-42'));
    // Long before the next session, when a tab would read the visitor's cookie again by itself.
    await b.waitForTimeout(200);
    expect(await sentAs(b, 'in-b')).toEqual({
      name: 'in-b',
      userId: 'user-42',
      visitorId: before?.visitorId,
    });
    await a.context().close();
  });

  it('a sign-out (reset) in one tab signs out the tab that signed in: the new visitor and no user', async () => {
    const [a, b] = await twoTabs(served);
    await b.evaluate(() => (window as unknown as Win).tracker.identify('user-42'));
    await b.waitForTimeout(200);
    await a.evaluate(() => (window as unknown as Win).tracker.reset());
    await b.waitForTimeout(200);
    const [inA, inB] = [await sentAs(a, 'in-a'), await sentAs(b, 'in-b')];
    expect(inB?.userId).toBeUndefined();
    expect(inB?.visitorId).toBe(inA?.visitorId);
    await a.context().close();
  });
});
