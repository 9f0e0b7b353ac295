import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery, type Delivery } from '../../src/delivery/delivery';
import type { DeliverySettings } from '../../src/delivery/options';
import type { TransportResult } from '../../src/transports/transport';
import { createFakeTransport, createReports, makeEvent, settle } from './helpers';

let deliveries: Delivery[] = [];
function setup(
  options: Partial<Parameters<typeof createDelivery>[0]> & {
    transports: Parameters<typeof createDelivery>[0]['transports'];
  },
) {
  const reports = createReports();
  const delivery = createDelivery({ settings: { persist: false }, report: reports.report, ...options });
  deliveries.push(delivery);
  return { delivery, reports };
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  for (const delivery of deliveries) delivery.stop();
  deliveries = [];
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('createDelivery', () => {
  it('sends a batch once maxEvents events are waiting', async () => {
    const transport = createFakeTransport();
    const { delivery } = setup({ transports: [transport], batch: { maxEvents: 3, flushIntervalMs: 60_000 } });
    delivery.start();
    const events = [makeEvent(), makeEvent(), makeEvent()];
    delivery.enqueue(events[0]!);
    delivery.enqueue(events[1]!);
    await vi.advanceTimersByTimeAsync(10);
    expect(transport.calls).toHaveLength(0);
    delivery.enqueue(events[2]!);
    await vi.advanceTimersByTimeAsync(10);
    expect(transport.delivered()).toEqual(events.map((e) => e.id));
  });

  it('sends what is waiting every flushIntervalMs', async () => {
    const transport = createFakeTransport();
    const { delivery } = setup({ transports: [transport], batch: { flushIntervalMs: 2000 } });
    delivery.start();
    delivery.enqueue(makeEvent());
    await vi.advanceTimersByTimeAsync(1900);
    expect(transport.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(transport.calls).toHaveLength(1);
  });

  it('starts a new batch before the waiting events exceed maxBytes', async () => {
    const transport = createFakeTransport();
    const { delivery } = setup({
      transports: [transport],
      batch: { maxBytes: 1200, flushIntervalMs: 60_000 },
    });
    delivery.start();
    for (let i = 0; i < 6; i++) delivery.enqueue(makeEvent({ pad: 'x'.repeat(400) }));
    await delivery.flush();
    expect(transport.calls.length).toBeGreaterThanOrEqual(3);
    for (const call of transport.calls)
      expect(JSON.stringify(call.batch.events).length).toBeLessThanOrEqual(1200);
    expect(transport.delivered()).toHaveLength(6);
  });

  it('sends an event as large as a batch alone, without cutting short the batch of small ones', async () => {
    const transport = createFakeTransport();
    const { delivery } = setup({
      transports: [transport],
      batch: { maxEvents: 5, maxBytes: 2000, flushIntervalMs: 60_000 },
    });
    delivery.start();
    const small = Array.from({ length: 5 }, () => makeEvent());
    const big = makeEvent({ chunk: 'x'.repeat(3000) });
    delivery.enqueue(small[0]!);
    delivery.enqueue(small[1]!);
    delivery.enqueue(big);
    await vi.advanceTimersByTimeAsync(10);
    expect(transport.calls.map((call) => call.batch.events.map((e) => e.id))).toEqual([[big.id]]);
    for (const event of small.slice(2)) delivery.enqueue(event);
    await vi.advanceTimersByTimeAsync(10);
    expect(transport.calls.map((call) => call.batch.events.map((e) => e.id))).toEqual([
      [big.id],
      small.map((e) => e.id),
    ]);
  });

  it('counts the UTF-8 bytes of non-ASCII text against maxBytes', async () => {
    const transport = createFakeTransport();
    const { delivery } = setup({
      transports: [transport],
      batch: { maxBytes: 1200, flushIntervalMs: 60_000 },
    });
    delivery.start();
    // 150 characters but 450 to 600 UTF-8 bytes each: two fit in 1200 characters, not in 1200 bytes.
    for (let i = 0; i < 6; i++)
      delivery.enqueue(makeEvent({ pad: i % 2 ? '€'.repeat(150) : '😀'.repeat(75) }));
    await delivery.flush();
    for (const call of transport.calls) {
      const bytes = new TextEncoder().encode(JSON.stringify(call.batch.events)).length;
      expect(bytes).toBeLessThanOrEqual(1200);
    }
    expect(transport.delivered()).toHaveLength(6);
  });

  it('retries with exponential backoff whose jitter stays within [cap / 2, cap]', async () => {
    for (const random of [0, 0.5, 0.999]) {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      const transport = createFakeTransport(() => ({ status: 'retry', reason: 'HTTP 503' }));
      const { delivery } = setup({
        transports: [transport],
        settings: { persist: false, maxAttempts: 100, backoff: { baseMs: 1000, maxMs: 16_000 } },
      });
      delivery.start();
      delivery.enqueue(makeEvent());
      await delivery.flush();
      await vi.advanceTimersByTimeAsync(200_000);
      const gaps = transport.calls.slice(1).map((call, i) => call.at - transport.calls[i]!.at);
      expect(gaps.length).toBeGreaterThan(6);
      gaps.forEach((gap, i) => {
        const cap = Math.min(16_000, 1000 * 2 ** i);
        expect(gap).toBeGreaterThanOrEqual(cap / 2);
        expect(gap).toBeLessThanOrEqual(cap);
        expect(gap).toBeCloseTo(cap / 2 + random * (cap / 2), -1);
      });
      delivery.stop();
      vi.restoreAllMocks();
    }
  });

  it('waits as long as Retry-After says before trying again', async () => {
    let answer: TransportResult = { status: 'retry', retryAfterMs: 7000, reason: 'HTTP 429' };
    const transport = createFakeTransport(() => answer);
    const { delivery } = setup({ transports: [transport] });
    delivery.start();
    delivery.enqueue(makeEvent());
    await delivery.flush();
    answer = { status: 'ok' };
    await vi.advanceTimersByTimeAsync(6900);
    expect(transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(transport.calls).toHaveLength(2);
    expect(transport.delivered()).toHaveLength(1);
  });

  it('splits a batch the server finds too large until every event is sent', async () => {
    const transport = createFakeTransport((batch) =>
      batch.events.length > 2 ? { status: 'split' } : { status: 'ok' },
    );
    const { delivery } = setup({ transports: [transport] });
    delivery.start();
    const events = Array.from({ length: 9 }, () => makeEvent());
    for (const event of events) delivery.enqueue(event);
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(transport.delivered().sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('drops a batch refused with a 4xx and says so with a transport:error event', async () => {
    const transport = createFakeTransport(
      () => ({ status: 'drop', reason: 'HTTP 401', httpStatus: 401 }),
      'api',
    );
    const { delivery, reports } = setup({ transports: [transport] });
    delivery.start();
    delivery.enqueue(makeEvent());
    delivery.enqueue(makeEvent());
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(transport.calls).toHaveLength(1);
    expect(reports.events).toEqual([
      { type: 'transport:error', transport: 'api', reason: 'HTTP 401', status: 401, dropped: 2 },
    ]);
  });

  it('drops a single event that is too large even alone', async () => {
    const transport = createFakeTransport(() => ({ status: 'split' }));
    const { delivery, reports } = setup({ transports: [transport] });
    delivery.start();
    delivery.enqueue(makeEvent());
    await delivery.flush();
    expect(reports.events).toMatchObject([
      { type: 'transport:error', reason: 'too-large', status: 413, dropped: 1 },
    ]);
  });

  it('keeps every event id and the batch id across retries', async () => {
    let fail = 3;
    const transport = createFakeTransport(() => (fail-- > 0 ? { status: 'retry' } : { status: 'ok' }));
    const { delivery } = setup({ transports: [transport] });
    delivery.start();
    delivery.enqueue(makeEvent());
    delivery.enqueue(makeEvent());
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.calls).toHaveLength(4);
    expect(new Set(transport.calls.map((c) => c.batch.batchId)).size).toBe(1);
    expect(new Set(transport.calls.map((c) => c.ids.join())).size).toBe(1);
    expect(transport.calls.map((c) => c.batch.attempt)).toEqual([0, 1, 2, 3]);
  });

  it('treats a transport that throws or answers nonsense as a retry, never throwing into the page', async () => {
    let n = 0;
    const transport = createFakeTransport(() => {
      n += 1;
      if (n === 1) throw new Error('boom');
      if (n === 2) return { status: 'weird' } as unknown as TransportResult;
      return { status: 'ok' };
    });
    const { delivery } = setup({ transports: [transport] });
    delivery.start();
    delivery.enqueue(makeEvent());
    await expect(delivery.flush()).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.delivered()).toHaveLength(1);
  });

  it('gives up after maxAttempts with a transport:error event', async () => {
    const transport = createFakeTransport(() => ({ status: 'retry', reason: 'HTTP 500' }));
    const { delivery, reports } = setup({
      transports: [transport],
      settings: { persist: false, maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 } },
    });
    delivery.start();
    delivery.enqueue(makeEvent());
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport.calls).toHaveLength(3);
    expect(reports.events).toMatchObject([{ type: 'transport:error', transport: 'fake', dropped: 1 }]);
  });

  it('pauses while offline and resumes on the online event', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const transport = createFakeTransport();
    const { delivery } = setup({ transports: [transport], batch: { flushIntervalMs: 1000 } });
    delivery.start();
    delivery.enqueue(makeEvent());
    await vi.advanceTimersByTimeAsync(30_000);
    expect(transport.calls).toHaveLength(0);
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(10);
    expect(transport.delivered()).toHaveLength(1);
    onLine.mockRestore();
  });

  it('keeps a failing transport from holding the others back', async () => {
    const failing = createFakeTransport(() => ({ status: 'retry', reason: 'down' }), 'failing');
    const working = createFakeTransport(() => ({ status: 'ok' }), 'working');
    const { delivery } = setup({ transports: [failing, working], batch: { maxEvents: 1 } });
    delivery.start();
    const events = [makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) delivery.enqueue(event);
    await vi.advanceTimersByTimeAsync(100);
    expect(working.delivered()).toEqual(events.map((e) => e.id));
    expect(failing.delivered()).toEqual([]);
  });

  it('hands everything to the transports with keepalive when the page is hidden or left', async () => {
    const transport = createFakeTransport();
    const { delivery } = setup({ transports: [transport] });
    delivery.start();
    delivery.enqueue(makeEvent());
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(transport.calls).toHaveLength(0);
    await settle();
    expect(transport.calls).toMatchObject([{ keepalive: true }]);
    hidden.mockRestore();
    const last = makeEvent();
    delivery.enqueue(last);
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(transport.calls[1]).toMatchObject({ keepalive: true, ids: [last.id] });
  });

  it('forgets queued events on clear()', async () => {
    const transport = createFakeTransport(() => ({ status: 'retry' }));
    const { delivery } = setup({ transports: [transport] });
    delivery.start();
    delivery.enqueue(makeEvent());
    await delivery.flush();
    await delivery.clear();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(transport.calls).toHaveLength(1);
  });

  it.each([
    [{ maxAttempts: 0 }, 'delivery.maxAttempts'],
    [{ leaseMs: -1 }, 'delivery.leaseMs'],
    [{ persist: 'cookies' }, 'delivery.persist'],
    [{ backoff: { baseMs: 'fast' } }, 'delivery.backoff.baseMs'],
    [{ retries: 3 }, 'delivery.retries'],
  ])('rejects the bad setting %o, naming %s', (settings, option) => {
    expect(() =>
      createDelivery({ transports: [], settings: settings as DeliverySettings, report: () => undefined }),
    ).toThrow(expect.objectContaining({ code: 'invalid-option', option }));
  });

  it('sends nothing after stop() until start() again', async () => {
    const transport = createFakeTransport();
    const { delivery } = setup({ transports: [transport], batch: { flushIntervalMs: 1000 } });
    delivery.start();
    delivery.stop();
    delivery.enqueue(makeEvent());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(transport.calls).toHaveLength(0);
    delivery.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport.calls).toHaveLength(1);
  });
});
