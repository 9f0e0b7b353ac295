import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript, launchChromium, startServer } from '../../../../test-utils/chromium';

// A page embedded in a same-origin frame runs its own tracker; a block set on the <iframe> by the
// embedding page holds inside it, as a block set outside a shadow root holds inside that.
const PARENT_HTML = `<!doctype html><html><body>
<div data-spoor-block><iframe id="blocked" src="/frame" width="400" height="200"></iframe></div>
<iframe id="open" src="/frame" width="400" height="200"></iframe>
</body></html>`;

const FRAME_HTML = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<button id="buy">Buy for ada@example.com</button>
<input id="note" name="note">
<div id="host"></div>
<script src="/spoor.js"></script>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<button id="inner">Inner</button>';
  window.__events = [];
  const tracker = Spoor.createTracker({ transport: Spoor.createMemoryTransport() });
  tracker.on('*', (event) => window.__events.push(event));
  tracker.start();
</script>
</body></html>`;

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  const script = await bundleScript();
  server = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/spoor.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(script);
      return;
    }
    if (path === '/favicon.ico') {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(path === '/frame' ? FRAME_HTML : PARENT_HTML);
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks, types and leaves the field in a frame, then returns the types of what its tracker saw. */
async function interact(frame: Frame): Promise<string[]> {
  await frame.waitForFunction(() =>
    (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'page:view'),
  );
  await frame.click('#buy');
  await frame.locator('#inner').click();
  await frame.fill('#note', 'call me');
  await frame.click('#buy');
  // Clicks are described after the next paint: give them time to arrive.
  await frame.waitForTimeout(400);
  return frame.evaluate(() =>
    (window as unknown as { __events: { type: string }[] }).__events.map((e) => e.type),
  );
}

describe('a block on an <iframe> holds for the page inside it', () => {
  it('captures no click or input inside a blocked same-origin frame, and does in an open one', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const frameOf = async (id: string) => {
        const frame = await (await page.$(`#${id}`))?.contentFrame();
        if (!frame) throw new Error(`no frame #${id}`);
        return frame;
      };
      const blocked = await interact(await frameOf('blocked'));
      const open = await interact(await frameOf('open'));
      expect(blocked).toContain('page:view');
      expect(blocked.filter((type) => type === 'click' || type === 'input')).toEqual([]);
      expect(open.filter((type) => type === 'click')).toHaveLength(3);
      expect(open).toContain('input');
    } finally {
      await context.close();
    }
  });
});
