import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeIgnored, describeProblem } from '../../src/debug/format';
import { createHttpTransport, createTracker } from '../../src/index';
import { clearCookies, destroyTrackers, NO_CAPTURE, setup } from '../helpers';

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  history.replaceState({}, '', '/');
});
afterEach(() => {
  destroyTrackers();
  localStorage.clear();
  history.replaceState({}, '', '/');
});

const refusing = (status: number, body: object) =>
  createHttpTransport({
    url: 'https://collector.example/v1/collect',
    compress: false,
    fetch: async () => new Response(JSON.stringify(body), { status }),
  });

// Lines are printed once the wording (`@spoor/core/debug`) has loaded, in the order they happened.
const settled = async () => {
  await import('@spoor/core/debug');
  await new Promise((resolve) => setTimeout(resolve, 0));
};

const printed = (warn: { mock: { calls: unknown[][] } }) => warn.mock.calls.map((call) => String(call[0]));

describe('describeProblem', () => {
  it.each([
    [
      {
        type: 'transport:error',
        transport: 'http',
        status: 401,
        dropped: 3,
        reason: 'HTTP 401 missing-site-key from /v1/collect: send the site key',
      },
      'delivery failed (http): HTTP 401 missing-site-key from /v1/collect: send the site key → set siteKey in createHttpTransport',
    ],
    [
      {
        type: 'transport:error',
        transport: 'http',
        status: 404,
        dropped: 1,
        reason: 'HTTP 404 from /collect',
      },
      'check the transport url',
    ],
    [
      { type: 'transport:error', transport: 'mem', dropped: 2, reason: 'queue-full' },
      'queue-full; 2 events dropped',
    ],
    [
      { type: 'tracker:error', code: 'invalid-event', message: 'track("x") dropped: props.a is a BigInt' },
      'invalid-event: track("x") dropped',
    ],
  ])('%#: describes %o', (event, expected) => {
    expect(describeProblem(event as never)).toContain(expected);
  });

  it('says nothing about ordinary local events', () => {
    expect(describeProblem({ type: 'consent:change', state: 'granted', previous: 'pending' })).toBeNull();
  });

  it.each([
    [{ status: 'idle', consent: 'granted', mode: 'opt-out' }, 'call tracker.start() first'],
    [{ status: 'running', consent: 'pending', mode: 'opt-in' }, 'consent is pending (opt-in mode)'],
    [{ status: 'running', consent: 'denied', mode: 'opt-out' }, 'consent was denied'],
  ])('explains why an event was ignored (%o)', (state, expected) => {
    expect(describeIgnored({ type: 'custom', name: 'x', props: {} }, state)).toContain(
      `track("x") ignored: ${expected}`,
    );
  });
});

describe('debug option', () => {
  it('prints a refused delivery with the reason and what to do', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { tracker } = setup({
      debug: true,
      transport: refusing(401, { error: 'missing-site-key', message: 'send the site key as ?key=' }),
    });
    tracker.start();
    tracker.track('x');
    await tracker.flush();
    await settled();
    const lines = printed(warn);
    expect(
      lines.some((l) => l.includes('401 missing-site-key from /v1/collect') && l.includes('set siteKey')),
    ).toBe(true);
    expect(lines.every((l) => l.startsWith('[spoor] '))).toBe(true);
  });

  it('prints dropped events, events before start and rejected options, in order', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { tracker } = setup({ debug: true, beforeSend: (e) => (e.type === 'custom' ? null : e) });
    tracker.track('early');
    tracker.start();
    tracker.track('filtered');
    tracker.track('bad', { n: 1n });
    expect(() => createTracker({ debug: true, batch: { maxEvents: 0 } })).toThrow();
    expect(() => createTracker({ debug: true, delivery: { maxAttempts: -1 } })).toThrow();
    expect(warn).not.toHaveBeenCalled();
    await settled();
    const lines = printed(warn);
    expect(lines[0]).toBe('[spoor] track("early") ignored: call tracker.start() first');
    expect(lines[1]).toBe('[spoor] a custom event was dropped by beforeSend');
    expect(lines).toContain('[spoor] track("early") ignored: call tracker.start() first');
    expect(lines).toContain('[spoor] a custom event was dropped by beforeSend');
    expect(lines.some((l) => l.includes('invalid-event: track("bad") dropped: props.n is a BigInt'))).toBe(
      true,
    );
    expect(lines.some((l) => l.includes('createTracker: batch.maxEvents must be a positive number'))).toBe(
      true,
    );
    expect(lines.some((l) => l.includes('createTracker: delivery.maxAttempts must be'))).toBe(true);
  });

  it('prints nothing when off', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log');
    const { tracker } = setup({ transport: refusing(404, {}) });
    tracker.track('early');
    tracker.start();
    tracker.track('bad', { n: 1n });
    await tracker.flush();
    expect(() => createTracker({ batch: { maxEvents: 0 } })).toThrow();
    await settled();
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('switches on from the page URL or from localStorage, without a rebuild', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tracker = createTracker({ capture: NO_CAPTURE });
    history.replaceState({}, '', '/?spoor_debug=1');
    tracker.track('one');
    history.replaceState({}, '', '/');
    tracker.track('two');
    localStorage.setItem('spoor_debug', '1');
    tracker.track('three');
    history.replaceState({}, '', '/?spoor_debug=0');
    tracker.track('four');
    tracker.destroy();
    await settled();
    expect(printed(warn).map((l) => l.split(' ')[1])).toEqual(['track("one")', 'track("three")']);
  });

  it('rejects a debug option that is not a boolean', () => {
    expect(() => createTracker({ debug: 'yes' as never })).toThrow(/debug must be true or false/);
  });
});
