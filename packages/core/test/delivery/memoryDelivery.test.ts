import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryDelivery } from '../../src/delivery/memoryDelivery';
import { createFakeTransport, createReports, makeEvent, settle } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryDelivery (the lite tracker delivery)', () => {
  it('sends a batch once maxEvents are waiting, and the rest on flush', async () => {
    const transport = createFakeTransport();
    const delivery = createMemoryDelivery({ transports: [transport], batch: { maxEvents: 2 }, report() {} });
    const events = [makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) delivery.enqueue(event);
    await settle();
    expect(transport.calls.map((call) => call.ids.length)).toEqual([2]);
    await delivery.flush();
    expect(transport.delivered()).toEqual(events.map((event) => event.id));
  });

  it('retries after the backoff, keeping the batch id, until the server takes it', async () => {
    vi.useFakeTimers();
    let failures = 2;
    const transport = createFakeTransport(() => (failures-- > 0 ? { status: 'retry' } : { status: 'ok' }));
    const { events, report } = createReports();
    const delivery = createMemoryDelivery({
      transports: [transport],
      settings: { backoff: { baseMs: 100, maxMs: 100 } },
      report,
    });
    delivery.enqueue(makeEvent());
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(100);
    expect(transport.calls.map((call) => call.result.status)).toEqual(['retry', 'retry', 'ok']);
    expect(new Set(transport.calls.map((call) => call.batch.batchId)).size).toBe(1);
    expect(events).toEqual([]);
  });

  it('reports a batch given up after maxAttempts instead of losing it silently', async () => {
    const transport = createFakeTransport(() => ({ status: 'retry', reason: 'HTTP 503' }));
    const { events, report } = createReports();
    const delivery = createMemoryDelivery({ transports: [transport], settings: { maxAttempts: 2 }, report });
    delivery.enqueue(makeEvent());
    await delivery.flush();
    await delivery.flush();
    expect(events).toEqual([
      {
        type: 'transport:error',
        transport: 'fake',
        reason: 'gave up after 2 attempts: HTTP 503',
        dropped: 1,
      },
    ]);
  });

  it('halves a batch the server finds too large and sends both halves', async () => {
    const transport = createFakeTransport((batch) =>
      batch.events.length > 2 ? { status: 'split' } : { status: 'ok' },
    );
    const delivery = createMemoryDelivery({ transports: [transport], report() {} });
    const events = [makeEvent(), makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) delivery.enqueue(event);
    await delivery.flush();
    expect(transport.calls.map((call) => call.ids.length)).toEqual([4, 2, 2]);
    expect(transport.delivered()).toEqual(events.map((event) => event.id));
  });

  it('sends what is waiting with keepalive when the page is left, and keeps what was not confirmed', async () => {
    const transport = createFakeTransport((_batch, keepalive) =>
      keepalive ? { status: 'retry', reason: 'sent by beacon, unconfirmed' } : { status: 'ok' },
    );
    const delivery = createMemoryDelivery({ transports: [transport], report() {} });
    delivery.start();
    const event = makeEvent();
    delivery.enqueue(event);
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(transport.calls).toMatchObject([{ keepalive: true, ids: [event.id] }]);
    await delivery.flush();
    expect(transport.delivered()).toEqual([event.id]);
    delivery.stop();
  });

  it('reports the oldest events dropped when the queue is full', async () => {
    const transport = createFakeTransport();
    const { events, report } = createReports();
    const delivery = createMemoryDelivery({
      transports: [transport],
      batch: { maxEvents: 5000 },
      report,
    });
    for (let i = 0; i < 1001; i++) delivery.enqueue(makeEvent());
    expect(events).toEqual([
      { type: 'transport:error', transport: 'fake', reason: 'queue-full', dropped: 1 },
    ]);
  });

  it('treats a transport that throws as a retry, at page exit too, without throwing into the page', async () => {
    let calls = 0;
    const delivery = createMemoryDelivery({
      transports: [
        {
          name: 'broken',
          send() {
            calls += 1;
            throw new Error('boom');
          },
        },
      ],
      report() {},
    });
    delivery.start();
    delivery.enqueue(makeEvent());
    expect(() => window.dispatchEvent(new Event('pagehide'))).not.toThrow();
    await expect(delivery.flush()).resolves.toBeUndefined();
    expect(calls).toBe(2);
    delivery.stop();
  });

  it('forgets everything on clear (consent denied)', async () => {
    const transport = createFakeTransport();
    const delivery = createMemoryDelivery({ transports: [transport], report() {} });
    delivery.enqueue(makeEvent());
    await delivery.clear();
    await delivery.flush();
    expect(transport.calls).toEqual([]);
  });
});
