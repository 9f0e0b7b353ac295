import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/identity/record';
import type { TrackerEvent } from '../../src/index';
import { clearCookies, destroyTrackers, setup } from '../helpers';

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => destroyTrackers());

const visitorCookie = () => document.cookie.split('; ').find((c) => c.startsWith('spoor_vid='));
const sent = (events: readonly TrackerEvent[], type: string) => events.filter((e) => e.type === type);
const DAY = 86_400_000;

describe('visitor id', () => {
  it('is created only after grant() in opt-in mode, then rides on every sent event', async () => {
    const { tracker, transport } = setup({ consent: { mode: 'opt-in' } });
    tracker.start();
    tracker.track('before');
    expect(visitorCookie()).toBeUndefined();
    expect(document.cookie).not.toContain('spoor_vid');
    tracker.consent.grant();
    tracker.track('after');
    await tracker.flush();
    const visitorId = transport.events[0]?.visitorId;
    expect(visitorId).toMatch(/^[\da-f-]{36}$/);
    expect(transport.events.every((e) => e.visitorId === visitorId)).toBe(true);
    expect(visitorCookie()).toContain(visitorId);
    expect(tracker.getSnapshot().visitorId).toBe(visitorId);
  });

  it('stays the same across reloads and new sessions', async () => {
    const first = setup();
    first.tracker.start();
    first.tracker.track('one');
    await first.tracker.flush();
    const visitorId = first.transport.events[0]?.visitorId;
    first.tracker.destroy();
    document.cookie = 'spoor_sid=; Max-Age=0; Path=/';
    const second = setup();
    second.tracker.start();
    second.tracker.track('two');
    await second.tracker.flush();
    expect(second.transport.events[0]?.sessionId).not.toBe(first.transport.events[0]?.sessionId);
    expect(second.transport.events.every((e) => e.visitorId === visitorId)).toBe(true);
  });

  it('is never set when turned off', async () => {
    const { tracker, transport } = setup({ visitor: { enabled: false } });
    tracker.start();
    tracker.track('x');
    await tracker.flush();
    expect(transport.events.some((e) => 'visitorId' in e)).toBe(false);
    expect(visitorCookie()).toBeUndefined();
  });

  it('is replaced once its lifetime (maxAgeDays from creation) is over', async () => {
    const old = { id: 'aaaaaaaa-0000-4000-8000-000000000000', visits: 4, lastSessionId: '', userId: '' };
    document.cookie = `spoor_vid=${encodeURIComponent(encodeRecord({ ...old, firstSeen: Date.now() - 31 * DAY }))}; Path=/`;
    const { tracker, transport } = setup({ visitor: { maxAgeDays: 30 } });
    tracker.start();
    tracker.track('x');
    await tracker.flush();
    expect(transport.events[0]?.visitorId).toMatch(/^[\da-f-]{36}$/);
    expect(transport.events[0]?.visitorId).not.toBe(old.id);
  });

  it('keeps an id inside its lifetime', async () => {
    const old = { id: 'aaaaaaaa-0000-4000-8000-000000000000', visits: 4, lastSessionId: '', userId: '' };
    document.cookie = `spoor_vid=${encodeURIComponent(encodeRecord({ ...old, firstSeen: Date.now() - 29 * DAY }))}; Path=/`;
    const { tracker, transport } = setup({ visitor: { maxAgeDays: 30 } });
    tracker.start();
    await tracker.flush();
    expect(transport.events[0]?.visitorId).toBe(old.id);
  });

  it.each([[0], [396], ['395']])('rejects visitor.maxAgeDays %j', (maxAgeDays) => {
    expect(() => setup({ visitor: { maxAgeDays: maxAgeDays as never } })).toThrow(
      /visitor.maxAgeDays must be/,
    );
  });

  it('is deleted when consent is denied', () => {
    const { tracker } = setup();
    tracker.start();
    tracker.track('x');
    expect(visitorCookie()).toBeDefined();
    tracker.consent.deny();
    expect(visitorCookie()).toBeUndefined();
  });
});

describe('identify and reset', () => {
  it('sends an identify event with scrubbed traits and puts userId on later events', async () => {
    const { tracker, transport } = setup();
    tracker.start();
    tracker.track('anonymous');
    tracker.identify('user-42', { plan: 'pro', email: 'ann@example.com', since: new Date(0) });
    tracker.track('signed-in');
    await tracker.flush();
    const [identify] = sent(transport.events, 'identify');
    expect(identify).toMatchObject({
      userId: 'user-42',
      traits: { plan: 'pro', since: '1970-01-01T00:00:00.000Z' },
    });
    expect(JSON.stringify(identify)).not.toContain('ann@example.com');
    const custom = sent(transport.events, 'custom');
    expect(custom[0]).not.toHaveProperty('userId');
    expect(custom[1]).toMatchObject({ userId: 'user-42' });
    expect(tracker.getSnapshot().userId).toBe('user-42');
  });

  it('remembers the user on the next page', async () => {
    const first = setup();
    first.tracker.start();
    first.tracker.identify('user-42');
    first.tracker.destroy();
    const second = setup();
    second.tracker.start();
    second.tracker.track('x');
    await second.tracker.flush();
    expect(sent(second.transport.events, 'custom')[0]).toMatchObject({ userId: 'user-42' });
  });

  it('reset() forgets the user and starts a new visitor and session', async () => {
    const { tracker, transport } = setup();
    tracker.start();
    tracker.identify('user-42');
    tracker.track('before');
    tracker.reset();
    tracker.track('after');
    await tracker.flush();
    const [before, after] = sent(transport.events, 'custom');
    expect(after?.visitorId).toBeDefined();
    expect(after?.visitorId).not.toBe(before?.visitorId);
    expect(after?.sessionId).not.toBe(before?.sessionId);
    expect(after).not.toHaveProperty('userId');
    const end = sent(transport.events, 'session:end')[0];
    expect(end?.visitorId).toBe(before?.visitorId);
    expect(sent(transport.events, 'session:start').at(-1)?.visitorId).toBe(after?.visitorId);
  });

  it.each([
    ['', 'non-empty string'],
    ['x'.repeat(129), 'at most 128'],
    [42, 'non-empty string'],
  ])('ignores identify(%j) with a tracker:error and never throws', (userId, message) => {
    const { tracker, ofType } = setup();
    tracker.start();
    expect(() => tracker.identify(userId as never, { id: 1n } as never)).not.toThrow();
    expect(ofType('tracker:error')[0]?.message).toContain(message);
    expect(ofType('identify')).toEqual([]);
  });

  it('keeps a user named before consent in memory only, then sends it', async () => {
    const { tracker, transport } = setup({ consent: { mode: 'opt-in' } });
    tracker.start();
    tracker.identify('user-42');
    expect(document.cookie).not.toContain('user-42');
    tracker.consent.grant();
    tracker.track('x');
    await tracker.flush();
    expect(sent(transport.events, 'custom')[0]).toMatchObject({ userId: 'user-42' });
  });
});
