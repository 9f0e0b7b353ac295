import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReplayChunk } from '../../src/codec';
import { deliveredEvents, type Harness, startHarness, waitForFullSnapshot } from './harness';

let harness: Harness;

/** Hostile markup on purpose (kept here, not in a linted .html fixture). */
const SAFETY_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Safety</title>
    <script src="/csp-watch.js"></script>
  </head>
  <body>
    <h1>Hostile markup</h1>
    <script>
      window.top.__pwned = 'inline-script';
      fetch('/pwned/inline-script');
    </script>
    <img id="broken" alt="broken" src="/missing.png" onerror="window.top.__pwned = 'onerror'; fetch('/pwned/onerror')" />
    <a id="js-link" href="javascript:window.top.__pwned = 'js-url'; fetch('/pwned/js-url')">Run</a>
    <form id="js-form" action="javascript:fetch('/pwned/form-action')"><button id="js-submit">Send</button></form>
    <div id="handler" onclick="fetch('/pwned/onclick')" onmouseover="fetch('/pwned/onmouseover')">Hover</div>
    <iframe id="srcdoc" title="srcdoc" srcdoc="<script>window.top.__pwned = 'srcdoc'; fetch('/pwned/srcdoc')</script>"></iframe>
    <script src="/record.js"></script>
    <script src="/boot.js"></script>
  </body>
</html>
`;

beforeAll(async () => {
  harness = await startHarness({ '/safety.html': SAFETY_PAGE });
});

afterAll(async () => {
  await harness?.close();
});

const PAYLOAD = "window.top.__pwned = 'forged'; fetch('/pwned/forged')";

/** Nodes a forged upload could contain: rrweb's serialised form of hostile markup. */
function forgedMutation(timestamp: number, parentId: number) {
  const element = (id: number, tagName: string, attributes: Record<string, string>, text?: string) => ({
    parentId,
    nextId: null,
    node: {
      type: 2,
      id,
      tagName,
      attributes,
      childNodes: text ? [{ type: 3, id: id + 1, textContent: text }] : [],
    },
  });
  return {
    type: 3,
    timestamp,
    data: {
      source: 0,
      texts: [],
      attributes: [],
      removes: [],
      adds: [
        element(90001, 'script', {}, PAYLOAD),
        element(90003, 'img', { src: '/missing-forged.png', onerror: PAYLOAD }),
        element(90005, 'a', { id: 'forged-link', href: `javascript:${PAYLOAD}` }, 'forged'),
        element(90007, 'iframe', { srcdoc: `<script>${PAYLOAD}</script>` }),
        element(90009, 'svg', { onload: PAYLOAD }),
        element(90011, 'meta', { 'http-equiv': 'refresh', content: `0;url=javascript:${PAYLOAD}` }),
      ],
    },
  };
}

describe('createPlayer (safety)', () => {
  it('executes nothing from a recorded or forged page: no script, handler or javascript: URL', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}/safety.html`);
    await waitForFullSnapshot(page);
    await page.hover('#handler');
    await page.waitForTimeout(300);
    const recorded = await deliveredEvents(page);
    await page.close();
    // The recorded page ran under a strict CSP: its own inline code never ran either.
    expect(harness.requests.filter((path) => path.startsWith('/pwned'))).toEqual([]);

    const all = recorded
      .filter((event) => event.type === 'replay')
      .flatMap((event) => decodeReplayChunk(event)) as {
      type: number;
      timestamp: number;
      data: { node?: { id: number } };
    }[];
    const last = Math.max(...all.map((event) => event.timestamp));
    // Append the forged nodes to <body> (id 9 in a page like this one: found from the snapshot).
    const snapshot = JSON.stringify(all.find((event) => event.type === 2));
    const bodyId = Number(
      /"tagName":"body","attributes":\{[^}]*\},"childNodes":\[.*?\],"id":(\d+)/.exec(snapshot)?.[1] ?? 9,
    );
    const events = [
      ...recorded,
      { type: 'replay', ts: last + 100, events: [forgedMutation(last + 50, bodyId)], full: false },
    ];

    const player = await harness.browser.newPage();
    await player.goto(`${harness.url}/player.html`);
    const before = harness.requests.length;
    await player.evaluate((input) => {
      const win = window as unknown as Record<string, unknown> & {
        SpoorPlayer: typeof import('./fixtures/player-entry');
      };
      const created = win.SpoorPlayer.createPlayer(document.getElementById('root')!, input as never, {
        speed: 8,
      });
      win.__player = created;
      created.play();
    }, events);
    await player.waitForTimeout(1500);
    await player.evaluate(() => {
      const win = window as unknown as { __player: { seek(ms: number): void; durationMs: number } };
      win.__player.seek(win.__player.durationMs);
      const doc = document.querySelector<HTMLIFrameElement>('#root iframe')!.contentDocument!;
      for (const id of ['js-link', 'forged-link', 'js-submit', 'handler']) {
        (doc.getElementById(id) as HTMLElement | null)?.click();
      }
      doc.getElementById('handler')?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    });
    await player.waitForTimeout(1000);

    const state = await player.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('#root iframe')!;
      const doc = frame.contentDocument!;
      return {
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        framePwned: (frame.contentWindow as unknown as { __pwned?: string }).__pwned ?? null,
        sandbox: frame.getAttribute('sandbox'),
        forgedScriptInPage: doc.querySelectorAll('script').length,
        hasForgedLink: doc.getElementById('forged-link') !== null,
        hasHeading: doc.querySelector('h1')?.textContent ?? null,
      };
    });
    // Control: a request from the player page itself does reach the server, so silence above means something.
    await player.evaluate(() => fetch('/pwned-control'));
    await player.close();

    expect(harness.requests.slice(before)).toContain('/pwned-control');
    expect(state.sandbox).toBe('allow-same-origin');
    expect(state.hasHeading).toBe('Hostile markup');
    // The forged nodes were applied, so the test exercised them.
    expect(state.hasForgedLink).toBe(true);
    expect(state.pwned).toBeNull();
    expect(state.framePwned).toBeNull();
    expect(harness.requests.slice(before).filter((path) => path.startsWith('/pwned/'))).toEqual([]);
  });
});
