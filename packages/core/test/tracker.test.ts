import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryTransport, createTracker, isSpoorError, type TrackerPlugin } from '../src/index';
import { clearCookies, destroyTrackers, NO_CAPTURE, setup } from './helpers';

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => destroyTrackers());

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('createTracker options', () => {
  it.each([
    [{ batch: { maxEvents: -1 } }, 'batch.maxEvents', 'a positive number'],
    [{ session: { storage: 'disk' } }, 'session.storage', "one of 'cookie', 'localStorage', 'memory'"],
    [{ consent: { mode: 'maybe' } }, 'consent.mode', "one of 'opt-in', 'opt-out'"],
    [{ privacy: { maskAllInputs: 'yes' } }, 'privacy.maskAllInputs', 'true or false'],
    [{ transport: { send: 1 } }, 'transport', 'a transport'],
    [{ transports: [createMemoryTransport(), {}] }, 'transports[1]', 'a transport'],
    [{ beforeSend: 'x' }, 'beforeSend', 'a function'],
    [{ plugins: [{ name: 'p' }] }, 'plugins[0]', 'a plugin'],
    [{ sesion: {} }, 'sesion', 'is not an option of createTracker (expected one of: transport,'],
    [{ session: { idleTimeout: 5 } }, 'session.idleTimeout', 'expected one of: idleTimeoutMs,'],
  ])('rejects %j with an error naming %s', (options, option, expected) => {
    const error = thrown(() => createTracker(options as never));
    expect(isSpoorError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-option', option });
    expect(String((error as Error).message)).toContain(option);
    expect(String((error as Error).message)).toContain(expected);
  });

  it('accepts no options at all', () => {
    expect(() => createTracker()).not.toThrow();
  });
});

describe('Tracker lifecycle', () => {
  it('is ref-counted: capture stays attached until the last stop', () => {
    const { tracker } = setup();
    tracker.start();
    tracker.start();
    expect(tracker.getSnapshot().status).toBe('running');
    tracker.stop();
    expect(tracker.getSnapshot().status).toBe('running');
    tracker.stop();
    expect(tracker.getSnapshot().status).toBe('idle');
    tracker.stop();
    expect(tracker.getSnapshot().status).toBe('idle');
  });

  it('returns the same snapshot object until something changes', () => {
    const { tracker } = setup();
    const first = tracker.getSnapshot();
    expect(tracker.getSnapshot()).toBe(first);
    tracker.start();
    const running = tracker.getSnapshot();
    expect(running).not.toBe(first);
    tracker.track('x');
    expect(tracker.getSnapshot()).toBe(running);
  });

  it('notifies subscribers on change and stops after unsubscribe', () => {
    const { tracker } = setup();
    const listener = vi.fn();
    const off = tracker.subscribe(listener);
    tracker.start();
    expect(listener).toHaveBeenCalled();
    listener.mockClear();
    off();
    tracker.stop();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stamps every event with the envelope fields and increasing seq', async () => {
    const { tracker, transport } = setup();
    tracker.start();
    tracker.track('one', { plan: 'pro' });
    tracker.track('two');
    await tracker.flush();
    const events = transport.events;
    expect(events.map((e) => e.type)).toEqual(['session:start', 'custom', 'custom']);
    for (const event of events) {
      expect(event).toMatchObject({
        id: expect.any(String),
        ts: expect.any(Number),
        sessionId: tracker.getSnapshot().sessionId,
        tabId: tracker.getSnapshot().tabId,
        pageId: expect.any(String),
        url: expect.any(String),
      });
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events[1]).toMatchObject({ name: 'one', props: { plan: 'pro' } });
  });

  it('reports a throwing listener as a tracker:error and keeps delivering', async () => {
    const { tracker, transport, ofType } = setup();
    tracker.on('custom', () => {
      throw new Error('listener broke');
    });
    tracker.start();
    expect(() => tracker.track('x')).not.toThrow();
    await tracker.flush();
    expect(ofType('tracker:error')).toMatchObject([{ code: 'listener-failed', message: 'listener broke' }]);
    expect(transport.events.some((e) => e.type === 'custom')).toBe(true);
    expect(tracker.getSnapshot().lastError).toMatchObject({ message: 'listener broke' });
  });

  it('survives a snapshot listener that throws, reporting it once per change', () => {
    const { tracker, ofType } = setup();
    tracker.subscribe(() => {
      throw new Error('render failed');
    });
    expect(() => tracker.start()).not.toThrow();
    expect(ofType('tracker:error').length).toBeGreaterThan(0);
    expect(ofType('tracker:error')[0]).toMatchObject({ code: 'listener-failed', message: 'render failed' });
    expect(tracker.getSnapshot().status).toBe('running');
  });

  it('lets beforeSend change or drop events', async () => {
    const { tracker, transport } = setup({
      beforeSend: (event) =>
        event.type === 'custom' && event.name === 'secret'
          ? null
          : event.type === 'custom'
            ? { ...event, props: { ok: true } }
            : event,
    });
    tracker.start();
    tracker.track('secret');
    tracker.track('public', { raw: 1 });
    await tracker.flush();
    const custom = transport.events.filter((e) => e.type === 'custom');
    expect(custom).toMatchObject([{ name: 'public', props: { ok: true } }]);
  });

  it('stops emitting after destroy', () => {
    const { tracker, events } = setup();
    tracker.start();
    tracker.destroy();
    const count = events.length;
    tracker.start();
    tracker.track('after');
    expect(events).toHaveLength(count);
    expect(tracker.getSnapshot().status).toBe('destroyed');
  });
});

describe('page views', () => {
  it('continues the same page view after a stop and start on the same URL (a remounted provider)', () => {
    const { tracker, ofType } = setup({ capture: { ...NO_CAPTURE, pageViews: true } });
    tracker.start();
    tracker.stop();
    tracker.start();
    expect(ofType('page:view')).toHaveLength(1);
    tracker.stop();
    const leaves = ofType('page:leave');
    expect(leaves).toHaveLength(2);
    expect(new Set(leaves.map((leave) => leave.pageId))).toEqual(new Set([ofType('page:view')[0]?.pageId]));
  });

  it('counts a new page view when the URL changed while stopped', () => {
    history.replaceState({}, '', '/a');
    const { tracker, ofType } = setup({ capture: { ...NO_CAPTURE, pageViews: true } });
    tracker.start();
    tracker.stop();
    history.replaceState({}, '', '/b');
    tracker.start();
    expect(ofType('page:view').map((view) => view.path)).toEqual(['/a', '/b']);
    tracker.stop();
    history.replaceState({}, '', '/');
  });

  it('gives a page:leave the URL of the page it ends, not the next one', () => {
    history.replaceState({}, '', '/first?token=abc');
    const { tracker, ofType } = setup({ capture: { ...NO_CAPTURE, pageViews: true } });
    tracker.start();
    history.pushState({}, '', '/second');
    const [view1, view2] = ofType('page:view');
    const [leave] = ofType('page:leave');
    expect(leave?.pageId).toBe(view1?.pageId);
    expect(leave?.url).toBe(view1?.url);
    expect(leave?.url).toContain('/first');
    expect(leave?.url).not.toContain('abc');
    expect(view2?.url).toContain('/second');
    tracker.stop();
    history.replaceState({}, '', '/');
  });
});

describe('Tracker.track', () => {
  it.each([
    ['', {}, 'non-empty string'],
    ['x'.repeat(101), {}, 'at most 100'],
    ['ok', { big: 'x'.repeat(20_000) }, 'at most 16384'],
    ['ok', [1, 2], 'an array'],
    ['ok', { id: 10n }, 'props.id is a BigInt'],
  ])('drops track(%j, …) with a tracker:error naming the problem', async (name, props, message) => {
    const { tracker, transport, ofType } = setup();
    tracker.start();
    expect(() => tracker.track(name, props as never)).not.toThrow();
    await tracker.flush();
    expect(transport.events.filter((e) => e.type === 'custom')).toEqual([]);
    expect(ofType('tracker:error')).toMatchObject([{ code: 'invalid-event' }]);
    expect(ofType('tracker:error')[0]?.message).toContain(message);
    expect(tracker.getSnapshot().lastError).toMatchObject({ code: 'invalid-event' });
  });

  it('sends what JSON would: undefined left out, a Date as ISO text, NaN as null', async () => {
    const { tracker, transport } = setup();
    tracker.start();
    tracker.track('order_placed', { coupon: undefined, at: new Date(0), total: Number.NaN, items: 2 });
    await tracker.flush();
    expect(transport.events.find((e) => e.type === 'custom')).toMatchObject({
      name: 'order_placed',
      props: { at: '1970-01-01T00:00:00.000Z', total: null, items: 2 },
    });
  });

  it('drops cyclic props without throwing', () => {
    const { tracker, ofType } = setup();
    const props: Record<string, unknown> = {};
    props.self = props;
    expect(() => tracker.track('cycle', props)).not.toThrow();
    expect(ofType('tracker:error')[0]?.message).toContain('cycle');
  });

  it('never throws before start, while consent is pending, or after destroy', () => {
    const { tracker } = setup({ consent: { mode: 'opt-in' } });
    const bad = { big: 1n } as never;
    expect(() => tracker.track('', bad)).not.toThrow();
    tracker.start();
    expect(tracker.consent.state).toBe('pending');
    expect(() => tracker.track('x', bad)).not.toThrow();
    tracker.destroy();
    expect(() => tracker.track(undefined as never, bad)).not.toThrow();
  });
});

describe('plugins', () => {
  it('set up plugins when capture starts and tear them down when it stops', () => {
    const calls: string[] = [];
    const plugin: TrackerPlugin = {
      name: 'probe',
      setup(ctx) {
        calls.push('setup');
        ctx.emit({ type: 'custom', name: 'from-plugin', props: {} });
        return () => calls.push('teardown');
      },
    };
    const { tracker, ofType } = setup({ plugins: [plugin] });
    tracker.start();
    tracker.stop();
    expect(calls).toEqual(['setup', 'teardown']);
    expect(ofType('custom')).toMatchObject([{ name: 'from-plugin' }]);
  });

  it('reports a failing plugin without breaking the tracker', () => {
    const { tracker, ofType } = setup({
      plugins: [
        {
          name: 'broken',
          setup() {
            throw new Error('nope');
          },
        },
      ],
    });
    expect(() => tracker.start()).not.toThrow();
    expect(ofType('tracker:error')[0]).toMatchObject({ code: 'plugin-failed' });
    expect(ofType('tracker:error')[0]?.message).toContain('broken');
  });
});

describe('consent', () => {
  it('in opt-in mode stores nothing, captures nothing and sends nothing before grant()', async () => {
    const { tracker, transport, events } = setup({ consent: { mode: 'opt-in' }, capture: { ...NO_CAPTURE } });
    tracker.start();
    tracker.track('before');
    await tracker.flush();
    expect(tracker.getSnapshot()).toMatchObject({ consent: 'pending', sessionId: null });
    expect(document.cookie).toBe('');
    expect(localStorage.length).toBe(0);
    expect(transport.events).toHaveLength(0);
    expect(events).toHaveLength(0);

    tracker.consent.grant();
    tracker.track('after');
    await tracker.flush();
    expect(tracker.getSnapshot().consent).toBe('granted');
    expect(transport.events.map((e) => e.type)).toEqual(['session:start', 'custom']);
    expect(transport.events[0]).toMatchObject({ reason: 'consent' });
  });

  it('remembers the decision first-party', () => {
    const first = setup({ consent: { mode: 'opt-in' } });
    first.tracker.consent.grant();
    const second = setup({ consent: { mode: 'opt-in' } });
    expect(second.tracker.getSnapshot().consent).toBe('granted');
  });

  it('deny() stops capture, deletes the session cookie and drops what is queued', async () => {
    const { tracker, transport, ofType } = setup({ batch: { maxEvents: 1000, flushIntervalMs: 60_000 } });
    tracker.start();
    tracker.track('queued');
    tracker.consent.deny();
    await tracker.flush();
    expect(transport.events).toHaveLength(0);
    expect(document.cookie).not.toContain('spoor_sid');
    expect(sessionStorage.getItem('spoor_tab')).toBeNull();
    expect(tracker.getSnapshot()).toMatchObject({ consent: 'denied', sessionId: null });
    expect(ofType('consent:change')).toMatchObject([{ state: 'denied', previous: 'granted' }]);
    tracker.track('after');
    await tracker.flush();
    expect(transport.events).toHaveLength(0);
  });

  it('counts Global Privacy Control as a denial unless the app opts out of it', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      expect(setup().tracker.getSnapshot().consent).toBe('denied');
      expect(setup({ consent: { respectGlobalPrivacyControl: false } }).tracker.getSnapshot().consent).toBe(
        'granted',
      );
    } finally {
      Reflect.deleteProperty(navigator, 'globalPrivacyControl');
    }
  });
});
