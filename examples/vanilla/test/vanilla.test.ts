import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startExampleServer } from '../../../test-utils/chromium';

const PORT = 5391;
let server: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startExampleServer('examples/vanilla/serve.mjs', PORT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe('examples/vanilla (the npm start demo)', () => {
  it('prints captured events to the page and the console, masked', async () => {
    const page = await browser.newPage();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole('button', { name: 'Buy now' }).click();
    await page.getByRole('link', { name: 'Pricing' }).click();
    await page.getByLabel('Name').fill('Jane Doe');
    await page.getByLabel('How did you hear about us?').fill('a podcast');
    await page.getByRole('button', { name: 'Send a custom event' }).click();
    await page.mouse.click(5, 5);

    const log = page.locator('#log');
    await expect.poll(() => log.textContent()).toContain('demo_clicked');
    const text = (await log.textContent()) ?? '';
    for (const type of ['session:start', 'page:view', 'click', 'input', 'custom'])
      expect(text).toContain(type);
    expect(text).toContain('/pricing');
    expect(text).toContain('a podcast');
    expect(text).not.toContain('Jane Doe');
    expect(consoleLines.some((line) => line.startsWith('[spoor] click'))).toBe(true);
    await page.close();
  });
});
