import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../src/bus';

type ToyMap = { ping: { n: number }; pong: { text: string } };

describe('createEventBus', () => {
  it('delivers an event to the listeners of its type and to wildcard listeners', () => {
    const bus = createEventBus<ToyMap>();
    const pings: number[] = [];
    const all: string[] = [];
    bus.on('ping', (event) => pings.push(event.n));
    bus.on('*', (event) => all.push(event.type));
    bus.emit({ type: 'ping', n: 1 });
    bus.emit({ type: 'pong', text: 'hi' });
    expect(pings).toEqual([1]);
    expect(all).toEqual(['ping', 'pong']);
  });

  it('stops delivering after unsubscribe, and unsubscribing twice is harmless', () => {
    const bus = createEventBus<ToyMap>();
    const handler = vi.fn();
    const off = bus.on('ping', handler);
    off();
    off();
    bus.emit({ type: 'ping', n: 1 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('runs a once listener for the next event only', () => {
    const bus = createEventBus<ToyMap>();
    const handler = vi.fn();
    bus.once('ping', handler);
    bus.emit({ type: 'ping', n: 1 });
    bus.emit({ type: 'ping', n: 2 });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith({ type: 'ping', n: 1 });
  });

  it('keeps running the other listeners when one throws, and reports the error instead of rethrowing', () => {
    const errors: unknown[] = [];
    const bus = createEventBus<ToyMap>({ onListenerError: (error) => errors.push(error) });
    const after = vi.fn();
    bus.on('ping', () => {
      throw new Error('boom');
    });
    bus.on('ping', after);
    expect(() => bus.emit({ type: 'ping', n: 1 })).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('survives an error reporter that throws', () => {
    const bus = createEventBus<ToyMap>({
      onListenerError: () => {
        throw new Error('reporter');
      },
    });
    bus.on('ping', () => {
      throw new Error('boom');
    });
    expect(() => bus.emit({ type: 'ping', n: 1 })).not.toThrow();
  });

  it('registers the same function twice as two listeners', () => {
    const bus = createEventBus<ToyMap>();
    const handler = vi.fn();
    const off = bus.on('ping', handler);
    bus.on('ping', handler);
    bus.emit({ type: 'ping', n: 1 });
    off();
    bus.emit({ type: 'ping', n: 2 });
    expect(handler).toHaveBeenCalledTimes(3);
  });
});
