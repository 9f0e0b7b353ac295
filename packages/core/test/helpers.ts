import { NO_CAPTURE } from '../../../test-utils/dom';
import {
  createMemoryTransport,
  createTracker,
  type EventOfType,
  type Tracker,
  type TrackerEvent,
  type TrackerOptions,
} from '../src/index';

export { clearCookies, NO_CAPTURE } from '../../../test-utils/dom';

const trackers: Tracker[] = [];

/** A tracker whose every event is recorded in `events`. Destroyed by `destroyTrackers()`. */
export function setup(options: TrackerOptions = {}) {
  const transport = createMemoryTransport();
  const tracker = createTracker({ capture: NO_CAPTURE, transport, ...options });
  const events: TrackerEvent[] = [];
  tracker.on('*', (event) => events.push(event));
  trackers.push(tracker);
  const ofType = <TType extends TrackerEvent['type']>(type: TType) =>
    events.filter((event): event is EventOfType<TType> => event.type === type);
  return { tracker, transport, events, ofType };
}

export function destroyTrackers() {
  for (const tracker of trackers.splice(0)) tracker.destroy();
}
