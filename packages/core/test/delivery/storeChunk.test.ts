import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery, type Delivery } from '../../src/delivery/delivery';
import type { TransportResult } from '../../src/transports/transport';
import { createFakeTransport, createReports, makeEvent } from './helpers';

// The stored backends' chunk cannot load here, as under a Content-Security-Policy or offline.
vi.mock('@spoor/core/idb', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

let delivery: Delivery | undefined;
const load = (respond: () => TransportResult) => {
  const transport = createFakeTransport(respond, 'http');
  const reports = createReports();
  delivery = createDelivery({
    transports: [transport],
    batch: { maxEvents: 1, flushIntervalMs: 20 },
    settings: { backoff: { baseMs: 300, maxMs: 300 } },
    report: reports.report,
  });
  delivery.start();
  return { transport, reports, delivery };
};
const keys = (kind: string) =>
  Object.keys(localStorage).filter((k) => k.startsWith(`spoor-delivery:${kind}:`));

beforeEach(() => localStorage.clear());
afterEach(() => {
  delivery?.stop();
  localStorage.clear();
});

describe('the stored backends when their chunk cannot load', () => {
  it('reports it once and still sends every batch, kept in memory meanwhile', async () => {
    let up = false;
    const page = load(() => (up ? { status: 'ok' } : { status: 'retry', reason: 'HTTP 503' }));
    const events = [makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) page.delivery.enqueue(event);
    await vi.waitFor(() => expect(page.reports.events).toHaveLength(1));
    // Past the second after which an undelivered batch is written to the store (memory here).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    up = true;
    await vi.waitFor(
      () => expect(page.transport.delivered().sort()).toEqual(events.map((e) => e.id).sort()),
      { timeout: 3_000 },
    );
    expect(page.reports.events).toMatchObject([{ type: 'tracker:error', code: 'storage-failed' }]);
    expect(keys('batch')).toEqual([]);
  });

  it('still keeps what is undelivered at exit in localStorage, synchronously', async () => {
    const page = load(() => ({ status: 'retry', reason: 'HTTP 503' }));
    page.delivery.enqueue(makeEvent());
    page.delivery.enqueue(makeEvent());
    window.dispatchEvent(new Event('pagehide'));
    expect(keys('spill')).toHaveLength(2);
  });

  it('keeps in localStorage at exit what waited in memory meanwhile', async () => {
    const page = load(() => ({ status: 'retry', reason: 'HTTP 503' }));
    page.delivery.enqueue(makeEvent());
    page.delivery.enqueue(makeEvent());
    await vi.waitFor(() => expect(page.reports.events).toHaveLength(1));
    // Past the second after which an undelivered batch is written to the store: memory, here.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    window.dispatchEvent(new Event('pagehide'));
    expect(keys('spill')).toHaveLength(2);
  });
});
