import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIncomingEvents } from '../../src/delivery/incoming';
import type { TrackerEvent } from '../../src/events';
import { makeEvent } from './helpers';

let hidden = false;

beforeEach(() => {
  vi.useFakeTimers();
  hidden = false;
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => (hidden ? 'hidden' : 'visible'));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function setup() {
  const queued: TrackerEvent[] = [];
  const incoming = createIncomingEvents((event) => queued.push(event));
  return { incoming, queued };
}

describe('events on their way to the transport queues', () => {
  it('are queued in the next task, not in the handler that emitted them, in the order they came', () => {
    const { incoming, queued } = setup();
    const events = [makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) incoming.add(event);
    expect(queued).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(queued).toEqual(events);
  });

  it('are queued at once when drained (flush, page exit), and the timer left behind finds nothing', () => {
    const { incoming, queued } = setup();
    const first = makeEvent();
    incoming.add(first);
    incoming.drain();
    expect(queued).toEqual([first]);
    const second = makeEvent();
    incoming.add(second);
    vi.advanceTimersByTime(0);
    expect(queued).toEqual([first, second]);
  });

  it('are queued at once on a hidden page, which may not run another task', () => {
    const { incoming, queued } = setup();
    const waiting = makeEvent();
    incoming.add(waiting);
    hidden = true;
    const last = makeEvent();
    incoming.add(last);
    expect(queued).toEqual([waiting, last]);
  });

  it('are forgotten by clear (consent denied)', () => {
    const { incoming, queued } = setup();
    incoming.add(makeEvent());
    incoming.clear();
    vi.advanceTimersByTime(0);
    expect(queued).toEqual([]);
  });
});
