import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadEncoder } from '../src/encoder';
import { createReplayPlugin, isSessionSampled } from '../src/index';
import { clearCookies, createFakeRecorder, destroyTrackers, runIdle, setup } from './helpers';

// The encoder's code is loaded on demand; here it has arrived before the tests start.
beforeAll(async () => {
  await loadEncoder();
});
beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  destroyTrackers();
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const fullFlags = (replays: { full: boolean }[]) => replays.map((event) => event.full);

describe('createReplayPlugin', () => {
  it('records nothing before consent and starts with a full snapshot once it is granted', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({
      consent: { mode: 'opt-in' },
      plugins: [createReplayPlugin({ recorder: fake.recorder })],
    });
    tracker.start();
    fake.emit();
    expect(fake.running).toBe(0);
    expect(replays()).toEqual([]);

    tracker.consent.grant();
    expect(fake.running).toBe(1);
    expect(fullFlags(replays())).toEqual([true]);
    expect(replays()[0]!.events.map((event) => (event as { type: number }).type)).toEqual([4, 2]);
  });

  it('sends incremental events in chunks after the flush interval', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder, flushIntervalMs: 1_000, maxChunkEvents: 5 })],
    });
    tracker.start();
    fake.emit();
    fake.emit();
    expect(replays()).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(replays()).toHaveLength(2);
    expect(replays()[1]).toMatchObject({ full: false });
    expect(replays()[1]!.events).toHaveLength(2);

    for (let index = 0; index < 5; index++) fake.emit();
    expect(replays()).toHaveLength(3);
    expect(replays()[2]!.events).toHaveLength(5);
  });

  it('takes a full snapshot at the configured interval', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder, fullSnapshotIntervalMs: 60_000 })],
    });
    tracker.start();
    vi.advanceTimersByTime(60_000 * 3);
    expect(fullFlags(replays())).toEqual([true, true, true, true]);
  });

  it('stops recording with the tracker and hands over what was pending', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({ plugins: [createReplayPlugin({ recorder: fake.recorder })] });
    tracker.start();
    fake.emit();
    tracker.stop();
    expect(fake.running).toBe(0);
    expect(fullFlags(replays())).toEqual([true, false]);
  });

  it('drops pending events and stops recording when consent is withdrawn', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({ plugins: [createReplayPlugin({ recorder: fake.recorder })] });
    tracker.start();
    // The page was idle once: the full snapshot was encoded and handed over.
    runIdle();
    fake.emit();
    tracker.consent.deny();
    vi.advanceTimersByTime(10_000);
    expect(fake.running).toBe(0);
    expect(fullFlags(replays())).toEqual([true]);
  });

  it('records nothing for sessions left out by sampleRate', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder, sampleRate: 0 })],
    });
    tracker.start();
    fake.emit();
    vi.advanceTimersByTime(5_000);
    expect(fake.running).toBe(0);
    expect(replays()).toEqual([]);
  });

  it('makes the same sampling decision in every tab of a session', () => {
    const decisions = new Set<boolean>();
    let sessionId: string | null = null;
    for (let tab = 0; tab < 3; tab++) {
      const fake = createFakeRecorder();
      const { tracker } = setup({
        plugins: [createReplayPlugin({ recorder: fake.recorder, sampleRate: 0.5 })],
      });
      tracker.start();
      sessionId ??= tracker.getSnapshot().sessionId;
      expect(tracker.getSnapshot().sessionId).toBe(sessionId);
      decisions.add(fake.running === 1);
    }
    expect([...decisions]).toEqual([isSessionSampled(sessionId!, 0.5)]);
  });

  it('stops when the session expires and starts again with the next activity', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({
      session: { idleTimeoutMs: 60_000 },
      plugins: [createReplayPlugin({ recorder: fake.recorder })],
    });
    tracker.start();
    vi.advanceTimersByTime(61_000);
    expect(tracker.getSnapshot().sessionId).toBeNull();
    expect(fake.running).toBe(0);

    tracker.track('back');
    expect(fake.running).toBe(1);
    expect(replays().at(-1)).toMatchObject({ full: true, sessionId: tracker.getSnapshot().sessionId });
  });

  it('starts a new session with a full snapshot of its own', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({ plugins: [createReplayPlugin({ recorder: fake.recorder })] });
    tracker.start();
    const first = tracker.getSnapshot().sessionId;
    fake.emit();
    tracker.reset();
    const second = tracker.getSnapshot().sessionId;
    expect(second).not.toBe(first);
    const last = replays().at(-1)!;
    expect(last).toMatchObject({ full: true, sessionId: second });
    expect(fake.running).toBe(1);
  });

  it('holds the recording until minDurationMs has passed, then sends it in order', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({
      plugins: [
        createReplayPlugin({ recorder: fake.recorder, minDurationMs: 10_000, flushIntervalMs: 1_000 }),
      ],
    });
    tracker.start();
    fake.emit();
    vi.advanceTimersByTime(5_000);
    expect(replays()).toEqual([]);
    vi.advanceTimersByTime(5_000);
    expect(fullFlags(replays())).toEqual([true, false]);
    fake.emit();
    vi.advanceTimersByTime(1_000);
    expect(fullFlags(replays())).toEqual([true, false, false]);
  });

  it('drops a visit shorter than minDurationMs', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder, minDurationMs: 10_000 })],
    });
    tracker.start();
    fake.emit();
    vi.advanceTimersByTime(3_000);
    tracker.stop();
    vi.advanceTimersByTime(10_000);
    expect(replays()).toEqual([]);
  });

  it('pauses past the byte budget and resumes with a full snapshot', () => {
    const fake = createFakeRecorder();
    const { tracker, events, replays } = setup({
      plugins: [
        createReplayPlugin({
          recorder: fake.recorder,
          budget: { maxBytes: 5_000, windowMs: 10_000, pauseMs: 30_000 },
        }),
      ],
    });
    tracker.start();
    for (let index = 0; index < 10; index++) fake.emit(1_000);
    const paused = events.filter((event) => event.type === 'replay:paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ reason: 'bytes', resumeInMs: 30_000 });
    expect(fake.running).toBe(0);

    const before = replays().length;
    vi.advanceTimersByTime(30_000);
    expect(fake.running).toBe(1);
    expect(
      replays()
        .slice(before)
        .map((event) => event.full),
    ).toEqual([true]);
  });

  it('keeps recording a busy page with the default budget', () => {
    const fake = createFakeRecorder();
    const { tracker, events, replays } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder })],
    });
    tracker.start();
    // An SPA swapping a large product grid (about 100 KB of DOM changes) three times a second, for a minute.
    for (let second = 0; second < 60; second++) {
      for (let swap = 0; swap < 3; swap++) fake.emit(100_000);
      vi.advanceTimersByTime(1_000);
    }
    expect(events.some((event) => event.type === 'replay:paused')).toBe(false);
    expect(fake.running).toBe(1);
    expect(replays().reduce((count, replay) => count + replay.events.length, 0)).toBe(2 + 180);
  });

  it('counts bytes over a rolling window, not since the recording started', () => {
    const fake = createFakeRecorder();
    const { tracker, events } = setup({
      plugins: [
        createReplayPlugin({ recorder: fake.recorder, budget: { maxBytes: 5_000, windowMs: 10_000 } }),
      ],
    });
    tracker.start();
    // About 4 KB in any 10 s, for two minutes: far more than 5 KB in all, never 5 KB in one window.
    for (let step = 0; step < 40; step++) {
      fake.emit(900);
      vi.advanceTimersByTime(3_000);
    }
    expect(events.some((event) => event.type === 'replay:paused')).toBe(false);
    expect(fake.running).toBe(1);
  });

  it('pauses on a burst that straddles two windows', () => {
    const fake = createFakeRecorder();
    const { tracker, events } = setup({
      plugins: [
        createReplayPlugin({ recorder: fake.recorder, budget: { maxBytes: 5_000, windowMs: 10_000 } }),
      ],
    });
    tracker.start();
    vi.advanceTimersByTime(9_000);
    for (let index = 0; index < 3; index++) fake.emit(1_000);
    vi.advanceTimersByTime(2_000);
    expect(events.some((event) => event.type === 'replay:paused')).toBe(false);
    for (let index = 0; index < 3; index++) fake.emit(1_000);
    expect(events.filter((event) => event.type === 'replay:paused')).toMatchObject([{ reason: 'bytes' }]);
    expect(fake.running).toBe(0);
  });

  it('counts added elements by their content against the byte budget', () => {
    const fake = createFakeRecorder();
    const { tracker, events } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder, budget: { maxBytes: 50_000 } })],
    });
    tracker.start();
    const adds = (text: string) =>
      Array.from({ length: 60 }, (_, index) => ({
        parentId: 1,
        nextId: null,
        node: {
          type: 2,
          tagName: 'article',
          attributes: { class: 'card', title: text },
          childNodes: [],
          id: index,
        },
      }));
    fake.emitData({ source: 0, texts: [], attributes: [], removes: [], adds: adds('') });
    expect(events.some((event) => event.type === 'replay:paused')).toBe(false);
    fake.emitData({ source: 0, texts: [], attributes: [], removes: [], adds: adds('x'.repeat(1_000)) });
    expect(events.filter((event) => event.type === 'replay:paused')).toMatchObject([{ reason: 'bytes' }]);
  });

  it('pauses on a mutation storm before the recorder sees it', async () => {
    const fake = createFakeRecorder();
    const { tracker, events } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder, budget: { maxMutations: 100 } })],
    });
    tracker.start();
    const list = document.createElement('ul');
    for (let index = 0; index < 500; index++) list.append(document.createElement('li'));
    document.body.append(list);
    await vi.waitFor(() => expect(events.some((event) => event.type === 'replay:paused')).toBe(true));
    expect(events.find((event) => event.type === 'replay:paused')).toMatchObject({ reason: 'mutations' });
    expect(fake.running).toBe(0);
  });

  it('reports a recorder that cannot start instead of throwing into the page', () => {
    const { tracker, events, replays } = setup({
      plugins: [
        createReplayPlugin({
          recorder: {
            name: 'broken',
            start() {
              throw new Error('no DOM access');
            },
          },
        }),
      ],
    });
    expect(() => tracker.start()).not.toThrow();
    expect(replays()).toEqual([]);
    expect(
      events.some((event) => event.type === 'tracker:error' && event.message.includes('no DOM access')),
    ).toBe(true);
  });

  it('delivers replay chunks through the transport', async () => {
    vi.useRealTimers();
    const fake = createFakeRecorder();
    const { tracker, transport } = setup({ plugins: [createReplayPlugin({ recorder: fake.recorder })] });
    tracker.start();
    fake.emit();
    tracker.stop();
    await tracker.flush();
    expect(transport.events.filter((event) => event.type === 'replay').map((event) => event.full)).toEqual([
      true,
      false,
    ]);
  });
});

describe('createReplayPlugin at page exit', () => {
  beforeEach(() => {
    clearCookies();
    vi.useFakeTimers();
  });
  afterEach(() => {
    destroyTrackers();
    vi.useRealTimers();
  });

  it('hands pending events over when the page is hidden or left', () => {
    const fake = createFakeRecorder();
    const { tracker, replays } = setup({ plugins: [createReplayPlugin({ recorder: fake.recorder })] });
    tracker.start();
    fake.emit();
    window.dispatchEvent(new Event('pagehide'));
    expect(fullFlags(replays())).toEqual([true, false]);
  });

  it('encodes chunks in idle time, not in the task that recorded them', () => {
    const fake = createFakeRecorder();
    const { tracker, events, replays } = setup({
      plugins: [createReplayPlugin({ recorder: fake.recorder, maxChunkEvents: 3 })],
    });
    tracker.start();
    for (let index = 0; index < 3; index++) fake.emit();
    // Two chunks are cut (the full snapshot, three events); none is encoded yet.
    expect(events.filter((event) => event.type === 'replay')).toEqual([]);
    runIdle();
    const sent = events.filter((event) => event.type === 'replay');
    expect(sent.map((event) => event.codec)).toEqual([2, 2]);
    expect(replays()[1]!.events.map((event) => (event.data as { texts: unknown[] }).texts)).toHaveLength(3);
  });

  it('encodes what waits at once when the page is left, without waiting for idle time', () => {
    const fake = createFakeRecorder();
    const { tracker, events } = setup({ plugins: [createReplayPlugin({ recorder: fake.recorder })] });
    tracker.start();
    fake.emit();
    window.dispatchEvent(new Event('pagehide'));
    const sent = events.filter((event) => event.type === 'replay');
    expect(sent.map((event) => [event.codec, event.full])).toEqual([
      [2, true],
      [2, false],
    ]);
  });
});
