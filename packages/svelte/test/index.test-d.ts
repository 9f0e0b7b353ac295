import type { Action } from 'svelte/action';
import { type Readable, writable } from 'svelte/store';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ConsentState,
  type ConsentStore,
  consentStore,
  createTracker,
  fromTracker,
  getTrackerContext,
  mask,
  sessionStore,
  setTrackerContext,
  type Tracker,
  type TrackerSnapshot,
  type TrackParams,
  track,
  trackerSnapshot,
  trackNavigation,
} from '../src';

const tracker = createTracker();

describe('public types', () => {
  it('re-exports the core API and types the context helpers', () => {
    expectTypeOf(createTracker()).toEqualTypeOf<Tracker>();
    expectTypeOf(setTrackerContext(tracker)).toEqualTypeOf<Tracker>();
    expectTypeOf(getTrackerContext()).toEqualTypeOf<Tracker>();
  });

  it('types the stores', () => {
    expectTypeOf(trackerSnapshot(tracker)).toEqualTypeOf<Readable<TrackerSnapshot>>();
    expectTypeOf(trackerSnapshot(tracker, (s) => s.status)).toEqualTypeOf<
      Readable<'idle' | 'running' | 'destroyed'>
    >();
    expectTypeOf(sessionStore(tracker)).toEqualTypeOf<Readable<string | null>>();
    expectTypeOf(consentStore(tracker)).toEqualTypeOf<ConsentStore>();
    expectTypeOf(consentStore(tracker)).toExtend<Readable<ConsentState>>();
  });

  it('types the rune-style holder as read-only', () => {
    expectTypeOf(fromTracker(tracker).current).toEqualTypeOf<TrackerSnapshot>();
    expectTypeOf(fromTracker(tracker, (s) => s.sessionId).current).toEqualTypeOf<string | null>();
    const holder = fromTracker(tracker);
    // @ts-expect-error read-only
    holder.current = tracker.getSnapshot();
  });

  it('types the actions', () => {
    expectTypeOf(mask).toEqualTypeOf<Action<Element, boolean | undefined>>();
    expectTypeOf(track).toEqualTypeOf<Action<Element, TrackParams>>();
    const button = document.createElement('button');
    track(button, 'ping');
    track(button, { name: 'add_to_cart', props: { sku: 'a' }, tracker });
    // @ts-expect-error a name is required
    track(button, { props: {} });
  });

  it('accepts callback and store navigation sources', () => {
    const afterNavigate = (callback: (navigation: { type: 'enter' | 'link' | 'popstate' }) => void): void => {
      void callback;
    };
    expectTypeOf(trackNavigation(tracker, afterNavigate)).toEqualTypeOf<() => void>();
    trackNavigation(tracker, writable({ url: new URL('http://x/') }));
    // @ts-expect-error not a navigation source
    trackNavigation(tracker, 'popstate');
  });
});

describe('typed custom events', () => {
  type ShopEvents = { plan_chosen: { plan: 'pro' | 'free' } };

  it('types track() with getTrackerContext<MyEvents>() and keeps the map through setTrackerContext', () => {
    const typed = getTrackerContext<ShopEvents>();
    typed.track('plan_chosen', { plan: 'free' });
    // @ts-expect-error: not an event of the map
    typed.track('other');
    const set = setTrackerContext(createTracker<ShopEvents>());
    // @ts-expect-error: 'team' is not a plan
    set.track('plan_chosen', { plan: 'team' });
  });
});
