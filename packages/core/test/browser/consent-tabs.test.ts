import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servePage, trackAndFlush, twoTabs } from './pageServer';

// A page whose tracker records the custom events its transport is handed.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Consent</title></head><body>
<script src="/spoor.js"></script>
<script>
  window.sent = [];
  const mode = new URLSearchParams(location.search).get('mode') || 'opt-out';
  window.tracker = Spoor.createTracker({
    consent: { mode },
    transport: {
      name: 'page',
      send: async (batch) => {
        for (const e of batch.events) if (e.type === 'custom') window.sent.push(e.name);
        return { status: 'ok' };
      },
    },
    capture: { clicks: false, pointer: false, scroll: false, inputs: false },
  });
  window.tracker.start();
</script></body></html>`;

const served = servePage(PAGE);

type Win = { tracker: { getSnapshot(): unknown } };
const snapshotOf = (page: Page) => page.evaluate(() => (window as unknown as Win).tracker.getSnapshot());

describe("the visitor's decision holds in the site's other open tabs (Chromium)", () => {
  it('a refusal in one tab stops the other at once: nothing more leaves it', async () => {
    const [a, b] = await twoTabs(served, '/?mode=opt-out');
    expect(await trackAndFlush(b, 'before')).toEqual(['before']);
    await a.evaluate(() =>
      (window as unknown as { tracker: { consent: { deny(): void } } }).tracker.consent.deny(),
    );
    await expect.poll(async () => (await snapshotOf(b)) as object).toMatchObject({ consent: 'denied' });
    expect(await trackAndFlush(b, 'after-refusal')).toEqual(['before']);
    await a.context().close();
  });

  it('a grant in one tab starts the other, whose banner was still asking', async () => {
    const [a, b] = await twoTabs(served, '/?mode=opt-in');
    await a.evaluate(() =>
      (window as unknown as { tracker: { consent: { grant(): void } } }).tracker.consent.grant(),
    );
    await expect
      .poll(async () => (await snapshotOf(b)) as object)
      .toMatchObject({ consent: 'granted', status: 'running' });
    expect(await trackAndFlush(b, 'in-b')).toEqual(['in-b']);
    await a.context().close();
  });
});
