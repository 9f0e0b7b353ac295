import {
  createMemoryTransport,
  createTracker,
  type Tracker,
  type TrackerEvent,
  type TrackerOptions,
} from '@spoor/core';
import { NO_CAPTURE } from '../../../test-utils/dom';
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

export function setup(options: TrackerOptions = {}) {
  const transport = createMemoryTransport();
  const tracker = createTracker({ capture: NO_CAPTURE, transport, ...options });
  const events: TrackerEvent[] = [];
  tracker.on('*', (event) => events.push(event));
  trackers.push(tracker);
  const replays = () =>
    events.filter((event): event is Extract<TrackerEvent, { type: 'replay' }> => event.type === 'replay');
  return { tracker, transport, events, replays };
}

export function destroyTrackers() {
  for (const tracker of trackers.splice(0)) tracker.destroy();
}
