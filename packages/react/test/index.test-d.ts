import type { ComponentProps } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ConsentState,
  type ConsentValue,
  createHttpTransport,
  createMemoryTransport,
  createTracker,
  type EventOfType,
  type SessionTrackerProvider,
  type SessionTrackerValue,
  type Tracker,
  type TrackerEvent,
  type TrackerSnapshot,
  useConsent,
  usePageViews,
  useSessionTracker,
  useTrackEvent,
  useTrackerSnapshot,
} from '../src';

describe('public types', () => {
  it('re-exports the core API', () => {
    expectTypeOf(createTracker()).toEqualTypeOf<Tracker>();
    expectTypeOf(createMemoryTransport).toBeFunction();
    expectTypeOf(createHttpTransport).toBeFunction();
  });

  it('types useSessionTracker and useConsent', () => {
    expectTypeOf(useSessionTracker()).toEqualTypeOf<SessionTrackerValue>();
    expectTypeOf<SessionTrackerValue['tracker']>().toEqualTypeOf<Tracker>();
    expectTypeOf<SessionTrackerValue['sessionId']>().toEqualTypeOf<string | null>();
    expectTypeOf<SessionTrackerValue['consent']>().toEqualTypeOf<ConsentState>();
    expectTypeOf(useConsent).returns.toEqualTypeOf<ConsentValue>();
    expectTypeOf<ConsentValue['grant']>().toEqualTypeOf<() => void>();
  });

  it('infers the selection of useTrackerSnapshot', () => {
    expectTypeOf(useTrackerSnapshot()).toEqualTypeOf<TrackerSnapshot>();
    expectTypeOf(useTrackerSnapshot((snapshot) => snapshot.consent)).toEqualTypeOf<ConsentState>();
    expectTypeOf(useTrackerSnapshot((snapshot) => snapshot.sessionId)).toEqualTypeOf<string | null>();
    // @ts-expect-error the selector must return the selected type
    useTrackerSnapshot<number>((snapshot) => snapshot.status);
  });

  it('narrows useTrackEvent handlers by event type', () => {
    useTrackEvent('click', (event) => {
      expectTypeOf(event).toEqualTypeOf<EventOfType<'click'>>();
      expectTypeOf(event.target.selector).toBeString();
    });
    useTrackEvent('custom', (event) => {
      expectTypeOf(event.name).toBeString();
    });
    useTrackEvent('*', (event) => {
      expectTypeOf(event).toEqualTypeOf<TrackerEvent>();
    });
    // @ts-expect-error not an event type
    useTrackEvent('no-such-event', () => {});
    // @ts-expect-error a click has no `name`
    useTrackEvent('click', (event) => event.name);
  });

  it('accepts router locations in usePageViews', () => {
    usePageViews('/pricing');
    usePageViews({ pathname: '/pricing', search: '?plan=pro', hash: '' });
    usePageViews('/pricing', new URLSearchParams('plan=pro'));
    usePageViews('/pricing', null);
    // @ts-expect-error a location needs a pathname
    usePageViews({ search: '?plan=pro' });
  });

  it('takes either a tracker or options in SessionTrackerProvider', () => {
    type Props = ComponentProps<typeof SessionTrackerProvider>;
    expectTypeOf<{ tracker: Tracker }>().toExtend<Props>();
    expectTypeOf<{ options: { consent: { mode: 'opt-in' } } }>().toExtend<Props>();
    expectTypeOf<{ tracker: Tracker; options: object }>().not.toExtend<Props>();
  });
});

describe('typed custom events', () => {
  type ShopEvents = { plan_chosen: { plan: 'pro' | 'free' }; signed_up: Record<string, never> };

  it('types track() with useSessionTracker<MyEvents>() and takes a typed tracker in the provider', () => {
    const { tracker } = useSessionTracker<ShopEvents>();
    tracker.track('plan_chosen', { plan: 'pro' });
    tracker.track('signed_up');
    // @ts-expect-error: not an event of the map
    tracker.track('plan_choosen', { plan: 'pro' });
    // @ts-expect-error: 'team' is not a plan
    tracker.track('plan_chosen', { plan: 'team' });
    const props: ComponentProps<typeof SessionTrackerProvider> = { tracker: createTracker<ShopEvents>() };
    expectTypeOf(props.tracker).not.toBeUndefined();
  });
});
