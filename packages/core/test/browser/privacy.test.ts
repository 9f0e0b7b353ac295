import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript, launchChromium, startServer } from '../../../../test-utils/chromium';

// Personal data planted in the page, the URL, the title and typed into fields.
const EMAIL = 'ada.lovelace@example.com';
const CARD = '4111 1111 1111 1111';
const PHONE = '+44 20 7946 0958';
const PASSWORD = 'hunter2-Zebra!';
const NAME = 'Grace Hopper';
const QUERY_TOKEN = 'qtok9A7xQ2';
const FRAGMENT_TOKEN = 'fragTok5Kp3Lm';
const PUSH_TOKEN = 'pushTok8Yz4W';
const LINK_TOKEN = 'linkTok3Rb6N';
const ORDER = 'Order #100234567';

/** Every form in which a planted value could leak: as typed, digits run together, URL-encoded. */
const FORBIDDEN = [
  EMAIL,
  'ada.lovelace',
  'ada.lovelace%40example.com',
  CARD,
  '4111111111111111',
  '4111-1111',
  PHONE,
  '442079460958',
  '2079460958',
  '7946 0958',
  '79460958',
  PASSWORD,
  'hunter2',
  NAME,
  'Grace',
  'Hopper',
  QUERY_TOKEN,
  FRAGMENT_TOKEN,
  PUSH_TOKEN,
  LINK_TOKEN,
];

function pageHtml(consent: 'opt-in' | 'opt-out'): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Orders of ${EMAIL}</title>
<style>body{font:16px sans-serif;margin:0} .tall{height:3000px} button,a,input{display:block;margin:8px;padding:8px}</style>
</head><body>
<main>
  <button id="mail">Email ${EMAIL}</button>
  <a id="call" href="tel:${PHONE.replace(/ /g, '')}" onclick="event.preventDefault()">Call ${PHONE}</a>
  <button id="pay">Pay with ${CARD}</button>
  <a id="account" href="/account?token=${LINK_TOKEN}&tab=orders">Your account</a>
  <p id="order">${ORDER}</p>
  <div data-spoor-mask><button id="masked">${NAME} profile</button></div>
  <form id="checkout" onsubmit="event.preventDefault()">
    <input id="name" name="fullname" autocomplete="name">
    <input id="email" type="email" name="email">
    <input id="password" type="password" name="password">
    <input id="card" name="cardnumber" autocomplete="cc-number">
    <input id="comment" name="comment" data-spoor-unmask>
    <button id="submit" type="submit">Submit</button>
  </form>
  <div class="tall"></div>
</main>
<script src="/spoor.js"></script>
<script>
  window.__events = [];
  window.__wire = [];
  const memory = Spoor.createMemoryTransport();
  const wire = {
    name: 'wire',
    async send(batch) {
      await fetch('/collect', { method: 'POST', body: JSON.stringify(batch) });
      return { status: 'ok' };
    },
  };
  const tracker = Spoor.createTracker({
    transports: [memory, wire],
    consent: { mode: '${consent}' },
    batch: { flushIntervalMs: 200 },
  });
  tracker.on('*', (event) => window.__events.push(event));
  tracker.start();
  window.__memory = memory;
  window.__tracker = tracker;
</script>
</body></html>`;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
const received: string[] = [];

beforeAll(async () => {
  const script = await bundleScript();
  server = await startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/spoor.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(script);
    } else if (url.pathname === '/collect') {
      received.push(body.toString('utf8'));
      res.end('ok');
    } else if (url.pathname.startsWith('/shop') || url.pathname.startsWith('/consent')) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(pageHtml(url.pathname.startsWith('/consent') ? 'opt-in' : 'opt-out'));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function collected(page: Page): Promise<{ bus: unknown[]; sent: unknown[] }> {
  await page.evaluate(() =>
    (window as unknown as { __tracker: { flush(): Promise<void> } }).__tracker.flush(),
  );
  return page.evaluate(() => {
    const w = window as unknown as { __events: unknown[]; __memory: { events: unknown[] } };
    return { bus: w.__events, sent: [...w.__memory.events] };
  });
}

async function stored(page: Page) {
  const cookies = await page.context().cookies();
  const inPage = await page.evaluate(async () => {
    const keys = (storage: Storage) => Object.keys(storage).filter((key) => /spoor/i.test(key));
    // Non-empty object stores of every IndexedDB database the page holds ("db/store" → records).
    const records: Record<string, number> = {};
    for (const { name = '' } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const count = await new Promise<number>((resolve) => {
          const request = db.transaction(store, 'readonly').objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(-1);
        });
        if (count !== 0) records[`${name}/${store}`] = count;
      }
      db.close();
    }
    return {
      documentCookie: document.cookie,
      local: keys(localStorage),
      session: keys(sessionStorage),
      records,
    };
  });
  return { cookies, ...inPage };
}

async function typeInto(page: Page, selector: string, text: string) {
  await page.click(selector);
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Tab');
}

describe('createTracker privacy in Chromium', () => {
  it('lets no planted personal data or secret reach listeners, transports or the wire', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(
      `${server.url}/shop?token=${QUERY_TOKEN}&email=${encodeURIComponent(EMAIL)}&lang=en#access_token=${FRAGMENT_TOKEN}&token_type=bearer`,
    );
    await page.waitForFunction(() => (window as unknown as { __events: unknown[] }).__events.length > 0);

    for (let i = 0; i < 40; i++) await page.mouse.move(20 + i * 10, 30 + i * 5);
    for (const id of ['#mail', '#call', '#pay', '#masked', '#order']) await page.click(id);
    await typeInto(page, '#name', NAME);
    await typeInto(page, '#email', EMAIL);
    await typeInto(page, '#password', PASSWORD);
    await typeInto(page, '#card', CARD);
    await typeInto(page, '#comment', `call me on ${PHONE} or ${EMAIL}`);
    await page.click('#submit');
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(300);
    await page.evaluate((token) => {
      history.pushState({}, '', `/shop/next?token=${token}&session=s1&page=2`);
    }, PUSH_TOKEN);
    await page.evaluate(
      ({ email, phone }) => {
        (window as unknown as { __tracker: { track(n: string, p: object): void } }).__tracker.track(
          'contact',
          {
            email,
            note: `reach me at ${phone}`,
          },
        );
        setTimeout(() => {
          throw new Error(`checkout failed for ${email}`);
        });
      },
      { email: EMAIL, phone: PHONE },
    );
    // A click on a link whose href carries a token; the navigation is cancelled to stay on the page.
    await page.evaluate(() =>
      document.getElementById('account')?.addEventListener('click', (e) => e.preventDefault()),
    );
    await page.click('#account');
    await page.waitForTimeout(500);

    const { bus, sent } = await collected(page);
    await expect.poll(() => received.length).toBeGreaterThan(0);
    const everything = JSON.stringify({ bus, sent, wire: received });

    const lower = everything.toLowerCase();
    const leaks = FORBIDDEN.filter((secret) => lower.includes(secret.toLowerCase())).map((secret) => {
      const at = lower.indexOf(secret.toLowerCase());
      return `${secret} in …${everything.slice(Math.max(0, at - 80), at + secret.length + 40)}…`;
    });
    expect(leaks).toEqual([]);

    // The test must have seen real traffic, not an empty stream.
    const types = new Set((sent as Array<{ type: string }>).map((event) => event.type));
    for (const type of ['page:view', 'click', 'input', 'pointer:move', 'scroll', 'custom', 'form:submit']) {
      expect(types, `no ${type} event was sent`).toContain(type);
    }
    expect(everything).toContain('[email]');
    expect(everything).toContain('[phone]');
    expect(everything).toContain('[card]');
    expect(everything).toContain('[redacted]');
    expect(everything).toContain(ORDER);

    await context.close();
  });

  it('stores and sends nothing in opt-in mode before grant()', async () => {
    received.length = 0;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/consent?token=${QUERY_TOKEN}`);
    await page.mouse.move(50, 50);
    await page.mouse.move(200, 120);
    await page.click('#mail');
    await typeInto(page, '#comment', 'hello');
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(500);

    // Storage is inspected before anything asks the tracker to flush: the page has only been used.
    const state = await stored(page);
    expect(state.cookies).toEqual([]);
    expect(state.documentCookie).toBe('');
    expect(state.local).toEqual([]);
    expect(state.session).toEqual([]);
    // An empty database may be opened early, but nothing (events, tab ids) may be written to it.
    expect(state.records).toEqual({});

    const { bus, sent } = await collected(page);
    expect(sent).toEqual([]);
    expect(received).toEqual([]);
    const captured = (bus as Array<{ type: string }>).filter(
      (event) => !/^(consent|tracker|transport):/.test(event.type),
    );
    expect(captured).toEqual([]);
    await context.close();
  });

  it('starts capturing and sending once consent is granted', async () => {
    received.length = 0;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/consent`);
    await page.click('#pay');
    await page.evaluate(() =>
      (window as unknown as { __tracker: { consent: { grant(): void } } }).__tracker.consent.grant(),
    );
    await page.click('#mail');
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);

    const { sent } = await collected(page);
    const types = (sent as Array<{ type: string }>).map((event) => event.type);
    expect(types).toContain('session:start');
    expect(types).toContain('click');
    const clicks = (sent as Array<{ type: string; target?: { text?: string } }>).filter(
      (e) => e.type === 'click',
    );
    // Only the click after grant() was recorded.
    expect(clicks.map((e) => e.target?.text)).toEqual(['Email [email]']);
    await expect.poll(() => received.length).toBeGreaterThan(0);
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain('spoor_sid');
    await context.close();
  });
});
