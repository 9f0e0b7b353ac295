// `npm run demo:traffic`: drives headless Chromium through the React example served by `npm start`
// to add a few sessions (each in a fresh browser profile, so each is a new visitor and session).
//
//   node scripts/demo-traffic.mjs [--url http://127.0.0.1:8787/] [--sessions 3]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { url: { type: 'string' }, sessions: { type: 'string' } } });

function exampleUrl() {
  if (values.url) return values.url;
  const info = join(root, '.data/demo.json');
  if (!existsSync(info)) {
    console.error('No demo is running: start it with `npm start` first (or pass --url).');
    process.exit(1);
  }
  return JSON.parse(readFileSync(info, 'utf8')).exampleUrl;
}

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);
if (!executablePath) {
  console.error("Chromium not found: install Debian's `chromium` or set CHROMIUM_PATH.");
  process.exit(1);
}

const pause = (page, ms) => page.waitForTimeout(ms);

/** Three kinds of visit: a purchase, a frustrated visitor, a quick look. */
const journeys = [
  async function buyer(page) {
    await page.getByRole('link', { name: 'Browse products' }).click();
    await pause(page, 600);
    await page.getByRole('link', { name: 'Field notebook' }).click();
    await page.mouse.wheel(0, 300);
    await pause(page, 800);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByRole('textbox').nth(0).fill('Grace Hopper');
    await page.getByRole('textbox').nth(1).fill('grace@example.com');
    await page.getByRole('textbox').nth(2).fill('4111 1111 1111 1111');
    await pause(page, 500);
    await page.getByRole('button', { name: 'Place order' }).click();
    await pause(page, 1000);
  },
  async function frustrated(page) {
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('link', { name: 'Canvas tote' }).click();
    await pause(page, 500);
    // Clicking the price again and again: a rage click.
    const price = page.getByText(/€\d+/).first();
    await price.click({ clickCount: 5, delay: 60 });
    await pause(page, 1500);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await pause(page, 700);
  },
  async function browser(page) {
    await pause(page, 700);
    // The link to the page we are on: nothing happens (a dead click).
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await pause(page, 1500);
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.mouse.wheel(0, 400);
    await pause(page, 1200);
    await page.getByRole('link', { name: 'Trail mug' }).click();
    await pause(page, 1000);
  },
];

const url = exampleUrl();
const count = Number(values.sessions ?? journeys.length);
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (let i = 0; i < count; i++) {
    const journey = journeys[i % journeys.length];
    const context = await browser.newContext({
      viewport: i % 2 === 0 ? { width: 1280, height: 800 } : { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Accept' }).click();
    try {
      await journey(page);
    } catch (error) {
      // The example changed under us: keep the session so far and go on with the next one.
      console.warn(`session ${i + 1}: ${journey.name} stopped early: ${error.message.split('\n')[0]}`);
    }
    // Leaving sends what is still queued.
    await page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await context.close();
    console.log(`session ${i + 1}/${count}: ${journey.name}`);
  }
} finally {
  await browser.close();
}
console.log('Done: open the dashboard to watch them.');
