import { describe, expectTypeOf, it } from 'vitest';
import { createEventBus } from '../src/bus';
import type { EventOfType, TrackerEvent } from '../src/events';
import type { Tracker } from '../src/tracker/api';

describe('types', () => {
  it('narrows a handler to its event type', () => {
    const bus = createEventBus<{ ping: { n: number }; pong: { text: string } }>();
    bus.on('ping', (event) => {
      expectTypeOf(event).toEqualTypeOf<{ type: 'ping' } & { n: number }>();
    });
    // @ts-expect-error: 'nope' is not an event type
    bus.on('nope', () => {});
    // @ts-expect-error: payload of the wrong type
    bus.emit({ type: 'ping', n: 'x' });
  });

  it('types tracker listeners by event type', () => {
    const on = {} as Tracker['on'];
    on('click', (event) => {
      expectTypeOf(event).toEqualTypeOf<EventOfType<'click'>>();
      expectTypeOf(event.target.selector).toBeString();
      expectTypeOf(event.sessionId).toBeString();
    });
    on('*', (event) => {
      expectTypeOf(event).toEqualTypeOf<TrackerEvent>();
    });
  });
});
