import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { bundleScript, launchChromium, startServer } from '../../../../test-utils/chromium';
import { decodeReplayChunk } from '../../src/codec';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A strict policy: no inline script, no eval, no blob: workers. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-spoor-test'; img-src 'self' data:; worker-src 'self'; frame-src 'self'; connect-src 'self'";

export interface Harness {
  url: string;
  browser: Browser;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves the fixture pages (recorded pages under a strict CSP, the player page without one), the
 * bundles of the recorder and the player, and logs every request.
 */
export async function startHarness(extra: Record<string, string> = {}): Promise<Harness> {
  const [recordJs, playerJs] = await Promise.all([
    bundleScript(join(fixtures, 'record-entry.ts'), 'SpoorTest'),
    bundleScript(join(fixtures, 'player-entry.ts'), 'SpoorPlayer'),
  ]);
  const requests: string[] = [];
  const server = await startServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html';
    let body: string | undefined = extra[path];
    if (path === '/record.js') body = recordJs;
    else if (path === '/player.js') body = playerJs;
    else if (path === '/page.css') body = 'body { font-family: sans-serif; } h1 { color: rgb(10, 20, 30); }';
    else if (body === undefined && /^\/[\w-]+\.(html|js)$/.test(path)) {
      body = await readFile(join(fixtures, path.slice(1)), 'utf8').catch(() => undefined);
    }
    if (body === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', `${type}; charset=utf-8`);
    if (path !== '/player.html') res.setHeader('Content-Security-Policy', STRICT_CSP);
    res.end(body);
  });
  const browser = await launchChromium();
  return {
    url: server.url,
    browser,
    requests,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The events the memory transport received so far (after a flush). */
export async function deliveredEvents(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(async () => {
    const win = window as unknown as {
      __tracker: { flush(): Promise<void> };
      __memory: { events: unknown[] };
    };
    await win.__tracker.flush();
    return JSON.parse(JSON.stringify(win.__memory.events));
  });
}

/** Waits until the page's memory transport holds a `replay` event with a full snapshot. */
export async function waitForFullSnapshot(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const win = window as unknown as {
      __tracker: { flush(): Promise<void> };
      __memory: { events: Array<{ type: string; full?: boolean }> };
    };
    await win.__tracker.flush();
    return win.__memory.events.some((event) => event.type === 'replay' && event.full);
  });
}

/** The first recorded moment of a recording, from its chunks as sent (codec 2: decoded first). */
export function firstReplayTimestamp(events: Array<Record<string, unknown>>): number {
  return Math.min(
    ...events
      .filter((event) => event.type === 'replay')
      .flatMap((event) => decodeReplayChunk(event))
      .map((event) => event.timestamp),
  );
}

/** Structure and visible text of a document, shadow roots and same-origin iframes included. */
export function signatureScript(): string {
  return `(() => {
    const SKIP = new Set(['script', 'noscript', 'style', 'link', 'meta', 'head', 'title']);
    const walk = (node, depth, out) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) {
          const text = child.textContent.replace(/\\s+/g, ' ').trim();
          if (text) out.push(depth + ' "' + text + '"');
        } else if (child.nodeType === 1) {
          const tag = child.tagName.toLowerCase();
          if (SKIP.has(tag)) continue;
          let line = depth + ' <' + tag + (child.id ? '#' + child.id : '') + '>';
          if (tag === 'input' && (child.type === 'checkbox' || child.type === 'radio')) line += ' checked=' + child.checked;
          else if (tag === 'input' || tag === 'textarea') line += ' length=' + child.value.length;
          if (tag === 'select') line += ' selected=' + child.selectedIndex;
          out.push(line);
          if (child.shadowRoot) walk(child.shadowRoot, depth + 1, out);
          if (tag === 'iframe' && child.contentDocument && child.contentDocument.body) walk(child.contentDocument.body, depth + 1, out);
          if (tag !== 'textarea') walk(child, depth + 1, out);
        }
      }
      return out;
    };
    return (doc) => walk(doc.body, 0, []);
  })()`;
}
