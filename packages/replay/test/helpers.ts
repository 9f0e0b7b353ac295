import {
  createMemoryTransport,
  createTracker,
  type Tracker,
  type TrackerEvent,
  type TrackerOptions,
} from '@spoor/core';
import { NO_CAPTURE } from '../../../test-utils/dom';
import { decodeReplayChunk } from '../src/codec';
import type { RecordedEvent, Recorder, RecorderStartOptions } from '../src/index';

export { clearCookies, NO_CAPTURE } from '../../../test-utils/dom';

/** A recorder that records nothing by itself: tests make it emit. Starting emits a full snapshot. */
export function createFakeRecorder() {
  const running = new Set<RecorderStartOptions>();
  let clock = 0;
  const snapshot = (start: RecorderStartOptions) => {
    start.emit(
      { type: 4, data: { href: 'http://localhost/', width: 800, height: 600 }, timestamp: Date.now() },
      true,
    );
    start.emit({ type: 2, data: { node: { type: 0, childNodes: [] } }, timestamp: Date.now() }, true);
  };
  const recorder: Recorder = {
    name: 'fake',
    start(start) {
      running.add(start);
      snapshot(start);
      return {
        takeFullSnapshot: () => snapshot(start),
        stop: () => running.delete(start),
      };
    },
  };
  return {
    recorder,
    /** How many recordings are running. */
    get running() {
      return running.size;
    },
    /** Emits an incremental event of about `size` bytes in every running recording. */
    emit(size = 10) {
      clock += 1;
      const event: RecordedEvent = {
        type: 3,
        data: {
          source: 0,
          adds: [],
          removes: [],
          texts: [{ id: clock, value: 'x'.repeat(size) }],
          attributes: [],
        },
        timestamp: Date.now(),
      };
      for (const start of running) start.emit(event, false);
    },
    /** Emits an incremental event with the given rrweb data in every running recording. */
    emitData(data: Record<string, unknown>) {
      const event: RecordedEvent = { type: 3, data, timestamp: Date.now() };
      for (const start of running) start.emit(event, false);
    },
  };
}

const trackers: Tracker[] = [];

/**
 * The page's idle time, under the test's control: chunks are encoded in idle callbacks, and
 * `runIdle()` runs the waiting ones (as a browser would once the page is idle).
 */
const idle = new Map<number, IdleRequestCallback>();
let nextIdle = 0;
/** Installed per test, after the test's fake timers (which would replace it). */
function controlIdleTime() {
  window.requestIdleCallback = (callback) => {
    idle.set(++nextIdle, callback);
    return nextIdle;
  };
  window.cancelIdleCallback = (handle) => {
    idle.delete(handle);
  };
}
export function runIdle() {
  while (idle.size > 0) {
    const [handle, callback] = idle.entries().next().value!;
    idle.delete(handle);
    callback({ didTimeout: false, timeRemaining: () => 50 });
  }
}

export type ReplayEvent = Extract<TrackerEvent, { type: 'replay' }>;
export type DecodedReplay = ReplayEvent & { events: RecordedEvent[] };

export function setup(options: TrackerOptions = {}) {
  controlIdleTime();
  const transport = createMemoryTransport();
  const tracker = createTracker({ capture: NO_CAPTURE, transport, ...options });
  const events: TrackerEvent[] = [];
  tracker.on('*', (event) => events.push(event));
  trackers.push(tracker);
  /** The replay chunks handed over once the page was idle, their events decoded. */
  const replays = (): DecodedReplay[] => {
    runIdle();
    return events
      .filter((event): event is ReplayEvent => event.type === 'replay')
      .map((event) => ({ ...event, events: decodeReplayChunk(event) }));
  };
  return { tracker, transport, events, replays };
}

export function destroyTrackers() {
  for (const tracker of trackers.splice(0)) tracker.destroy();
  idle.clear();
}
