import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startExampleServer } from '../../../test-utils/chromium';

const PORT = 5394;
const base = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let browser: Browser;

interface BackendEvent {
  id: string;
  name: string;
  at: string;
  user: string;
  props?: Record<string, unknown>;
}
interface BackendRequest {
  status: number;
  ids: string[];
}

const api = async <TValue>(path: string, init?: RequestInit): Promise<TValue> =>
  (await (await fetch(`${base}${path}`, init)).json()) as TValue;

beforeAll(async () => {
  server = await startExampleServer('examples/vanilla-custom-transport/server.mjs', PORT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function choosePlan(page: Page): Promise<string> {
  const id = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const { tracker } = window as unknown as {
          tracker: { on(type: 'custom', handler: (event: { id: string }) => void): () => void };
        };
        const off = tracker.on('custom', (event) => {
          off();
          resolve(event.id);
        });
        document.querySelector<HTMLButtonElement>('#plan')?.click();
      }),
  );
  await page.getByRole('button', { name: 'Send now' }).click();
  return id;
}

describe('examples/vanilla-custom-transport', () => {
  it('delivers events in the backend schema with its bearer token', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const id = await choosePlan(page);
    await expect
      .poll(async () => (await api<BackendEvent[]>('/api/events')).find((e) => e.id === id), {
        timeout: 10_000,
      })
      .toMatchObject({ id, name: 'plan_chosen', user: 'user-42', props: { plan: 'pro' } });
    const stored = await api<BackendEvent[]>('/api/events');
    expect(stored.map((e) => e.name)).toContain('page_view');
    for (const event of stored) expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    await expect.poll(() => page.locator('#stored').textContent()).toContain('plan_chosen');
    await page.close();
  });

  it('retries after the backend answers 503, without storing anything twice', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(async () => (await api<BackendEvent[]>('/api/events')).length).toBeGreaterThan(0);
    await api('/api/fail-next', { method: 'POST', body: JSON.stringify({ count: 1, status: 503 }) });
    const id = await choosePlan(page);
    await expect
      .poll(async () => (await api<BackendEvent[]>('/api/events')).some((e) => e.id === id), {
        timeout: 15_000,
      })
      .toBe(true);
    const attempts = (await api<BackendRequest[]>('/api/requests')).filter((r) => r.ids.includes(id));
    expect(attempts.map((r) => r.status)).toEqual([503, 200]);
    expect((await api<BackendEvent[]>('/api/events')).filter((e) => e.id === id)).toHaveLength(1);
    expect(await page.locator('#errors li').count()).toBe(0);
    await page.close();
  });

  it('drops a batch refused for a wrong token and says so with a transport:error', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?token=wrong`);
    const errors = page.evaluate(
      () =>
        new Promise<{ transport: string; status?: number; dropped: number; reason: string }>((resolve) => {
          const { tracker } = window as unknown as {
            tracker: {
              on(
                type: 'transport:error',
                handler: (event: {
                  transport: string;
                  status?: number;
                  dropped: number;
                  reason: string;
                }) => void,
              ): () => void;
            };
          };
          tracker.on('transport:error', resolve);
        }),
    );
    const id = await choosePlan(page);
    const error = await errors;
    expect(error).toMatchObject({ transport: 'backend', status: 401 });
    expect(error.dropped).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#errors').textContent()).toContain('refused the batch (401)');
    const attempts = (await api<BackendRequest[]>('/api/requests')).filter((r) => r.ids.includes(id));
    expect(attempts.map((r) => r.status)).toEqual([401]);
    expect((await api<BackendEvent[]>('/api/events')).some((e) => e.id === id)).toBe(false);
    await page.close();
  });
});
