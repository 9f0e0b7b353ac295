import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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
