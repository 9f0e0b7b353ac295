import {
  createMemoryTransport,
  createTracker,
  type EventOfType,
  type Tracker,
  type TrackerEvent,
  type TrackerOptions,
} from '../src/index';

/** Every capture source off: tests drive activity through `track()` alone. */
export const NO_CAPTURE = {
  pageViews: false,
  clicks: false,
  pointer: false,
  scroll: false,
  inputs: false,
  visibility: false,
  errors: false,
} as const;

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

/** Removes every cookie of the test document. */
export function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`;
  }
}
