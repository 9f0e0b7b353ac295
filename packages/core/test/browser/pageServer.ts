import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { bundleScript, launchChromium, repoRoot, startServer } from '../../../../test-utils/chromium';

/** What `servePage` gives a test file once its `beforeAll` has run. */
export interface ServedPage {
  browser: Browser;
  /** The server's origin: `html` at every path but `/spoor.js`. */
  url: string;
}

/**
 * Serves `html` at every path and the core's script-tag bundle (`window.Spoor`) at `/spoor.js`,
 * with a Chromium to open it in: started before the file's tests, closed after them.
 */
export function servePage(html: string): ServedPage {
  const served = {} as ServedPage;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  beforeAll(async () => {
    const script = await bundleScript(join(repoRoot, 'packages/core/test/delivery/browserEntry.ts'), 'Spoor');
    server = await startServer((req, res) => {
      if (req.url === '/spoor.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    });
    served.url = server.url;
    served.browser = await launchChromium();
  });
  afterAll(async () => {
    await served.browser?.close();
    await server?.close();
  });
  return served;
}

/** Two tabs of one new browser context (so one site's cookies, channels and locks), both at `path`. */
export async function twoTabs(served: ServedPage, path = '/'): Promise<[Page, Page]> {
  const context = await served.browser.newContext();
  const tabs = [await context.newPage(), await context.newPage()] as [Page, Page];
  for (const tab of tabs) await tab.goto(`${served.url}${path}`);
  return tabs;
}

/**
 * Runs `tracker.track(name)` and `tracker.flush()` in a page whose `window.tracker` is its tracker
 * and whose transport keeps what it is handed in `window.sent`; answers `window.sent`.
 */
export const trackAndFlush = <TSent>(page: Page, name: string): Promise<TSent[]> =>
  page.evaluate(async (n) => {
    const w = window as unknown as {
      tracker: { track(n: string): void; flush(): Promise<void> };
      sent: TSent[];
    };
    w.tracker.track(n);
    await w.tracker.flush();
    return w.sent;
  }, name) as Promise<TSent[]>;
