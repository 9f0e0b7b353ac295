import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { DeliverySettings } from '../../src/delivery/options';
import type { TransportResult } from '../../src/transports/transport';
import { makeEvent } from './helpers';
import { pageLoads } from './pageLoads';

const failing = (): TransportResult => ({ status: 'retry', reason: 'HTTP 503' });

/** One "page load": a delivery over the page's localStorage. */
const { load, unloadAll } = pageLoads({
  batch: { maxEvents: 1, flushIntervalMs: 1000 },
  settings: { leaseMs: 15_000, backoff: { baseMs: 60_000, maxMs: 60_000 } },
});

/** The first page load leaves with undelivered events. */
async function leaveWithUndelivered(count: number, settings: DeliverySettings = {}) {
  const first = load(failing, settings);
  const events = Array.from({ length: count }, () => makeEvent({ text: 'x'.repeat(100) }));
  for (const event of events) first.delivery.enqueue(event);
  await vi.advanceTimersByTimeAsync(100);
  window.dispatchEvent(new Event('pagehide'));
  await vi.advanceTimersByTimeAsync(100);
  first.delivery.stop();
  return { first, events };
}

// The IndexedDB store is a chunk loaded on demand: its first load takes real time, which fake
// timers do not wait for. Loaded once here, it arrives within microtasks like the rest of a test.
beforeAll(() => import('@spoor/core/idb'));
beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  unloadAll();
  vi.restoreAllMocks();
  localStorage.clear();
  vi.useRealTimers();
});

describe('createDelivery persistence', () => {
  it('sends on the next page load what the previous one could not deliver', async () => {
    const { events } = await leaveWithUndelivered(3);
    const next = load(() => ({ status: 'ok' }));
    // After the backoff the failing server asked for, which the reload keeps.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(next.transport.delivered().sort()).toEqual(events.map((e) => e.id).sort());
    const again = load(() => ({ status: 'ok' }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(again.transport.calls).toHaveLength(0);
  });

  it('never sends one stored batch from two tabs', async () => {
    const owner = load(failing);
    const events = Array.from({ length: 4 }, () => makeEvent());
    for (const event of events) owner.delivery.enqueue(event);
    await vi.advanceTimersByTimeAsync(100);
    const tabs = [load(() => ({ status: 'ok' })), load(() => ({ status: 'ok' }))];
    await vi.advanceTimersByTimeAsync(50_000);
    expect(tabs.flatMap((tab) => tab.transport.delivered())).toEqual([]);
    // The owning tab is killed (no pagehide): once its lease lapses one tab takes its batches over.
    owner.delivery.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    const delivered = tabs.flatMap((tab) => tab.transport.delivered());
    expect(delivered.sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('two tabs loading at once after a closed one send its batches exactly once', async () => {
    const { events } = await leaveWithUndelivered(6);
    const tabs = [
      load(() => ({ status: 'ok' })),
      load(() => ({ status: 'ok' })),
      load(() => ({ status: 'ok' })),
    ];
    await vi.advanceTimersByTimeAsync(60_000);
    const delivered = tabs.flatMap((tab) => tab.transport.delivered());
    expect(delivered.sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('keeps within maxStoredBytes by evicting the oldest batches and reporting them', async () => {
    const size = JSON.stringify(makeEvent({ text: 'x'.repeat(100) })).length;
    const { first, events } = await leaveWithUndelivered(10, { maxStoredBytes: size * 3 + 10 });
    const dropped = first.reports.events
      .filter((e) => e.type === 'transport:error')
      .reduce((sum, e) => sum + (e.type === 'transport:error' ? e.dropped : 0), 0);
    expect(dropped).toBe(7);
    const next = load(() => ({ status: 'ok' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(next.transport.delivered().sort()).toEqual(
      events
        .slice(7)
        .map((e) => e.id)
        .sort(),
    );
  });

  it('drops stored batches older than maxAgeMs with a transport:error event', async () => {
    await leaveWithUndelivered(2, { maxAgeMs: 60_000 });
    await vi.advanceTimersByTimeAsync(120_000);
    const next = load(() => ({ status: 'ok' }), { maxAgeMs: 60_000 });
    await vi.advanceTimersByTimeAsync(100);
    expect(next.transport.calls).toHaveLength(0);
    expect(next.reports.events).toEqual([
      { type: 'transport:error', transport: 'http', reason: 'expired', dropped: 1 },
      { type: 'transport:error', transport: 'http', reason: 'expired', dropped: 1 },
    ]);
  });

  it('survives a full storage quota: events are still delivered and the failure is reported', async () => {
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation((key: string) => {
      if (key.startsWith('spoor-delivery')) throw new DOMException('full', 'QuotaExceededError');
    });
    onTestFinished(() => setItem.mockRestore());
    let down = true;
    const page = load(() => (down ? failing() : { status: 'ok' }), {
      backoff: { baseMs: 1000, maxMs: 1000 },
    });
    const event = makeEvent();
    expect(() => page.delivery.enqueue(event)).not.toThrow();
    await vi.advanceTimersByTimeAsync(100);
    down = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(page.transport.delivered()).toEqual([event.id]);
    expect(page.reports.events).toMatchObject([{ type: 'tracker:error', code: 'storage-failed' }]);
  });

  it('clear() deletes stored batches too', async () => {
    const page = load(failing);
    page.delivery.enqueue(makeEvent());
    await vi.advanceTimersByTimeAsync(100);
    await page.delivery.clear();
    page.delivery.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    const next = load(() => ({ status: 'ok' }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(next.transport.calls).toHaveLength(0);
  });

  it('keeps in localStorage, through the store chunk, what a page without IndexedDB could not deliver', async () => {
    expect(window.indexedDB).toBeUndefined();
    const batches = () => Object.keys(localStorage).filter((k) => k.startsWith('spoor-delivery:batch:'));
    const { first, events } = await leaveWithUndelivered(2);
    expect(batches()).toHaveLength(2);
    expect(first.reports.events).toEqual([]);
    const next = load(() => ({ status: 'ok' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(next.transport.delivered().sort()).toEqual(events.map((e) => e.id).sort());
    expect(batches()).toEqual([]);
  });

  it('falls back to localStorage when IndexedDB cannot be opened', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      const { events } = await leaveWithUndelivered(3);
      const next = load(() => ({ status: 'ok' }));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(next.transport.delivered().sort()).toEqual(events.map((e) => e.id).sort());
      expect(next.reports.events).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps events in memory only when persist is false', async () => {
    await leaveWithUndelivered(2, { persist: false });
    const next = load(() => ({ status: 'ok' }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(next.transport.calls).toHaveLength(0);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('spoor-delivery:batch'))).toEqual([]);
  });

  it('writes a batch to storage only when it is not delivered at once', async () => {
    const stored = () => Object.keys(localStorage).filter((k) => k.startsWith('spoor-delivery:batch'));
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const quick = load(() => ({ status: 'ok' }));
    quick.delivery.enqueue(makeEvent());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(quick.transport.delivered()).toHaveLength(1);
    expect(setItem.mock.calls.filter(([key]) => key.startsWith('spoor-delivery:batch'))).toEqual([]);
    quick.delivery.stop();

    const failed = load(failing);
    failed.delivery.enqueue(makeEvent());
    await vi.advanceTimersByTimeAsync(100);
    expect(stored()).toHaveLength(1);
    failed.delivery.stop();
    localStorage.clear();

    // A server that takes 3 s to answer: the batch is written once it has waited a second.
    const slow = load(
      () => new Promise<TransportResult>((resolve) => setTimeout(() => resolve({ status: 'ok' }), 3_000)),
    );
    slow.delivery.enqueue(makeEvent());
    await vi.advanceTimersByTimeAsync(900);
    expect(stored()).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(stored()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(slow.transport.delivered()).toHaveLength(1);
    expect(stored()).toEqual([]);
  });
});
