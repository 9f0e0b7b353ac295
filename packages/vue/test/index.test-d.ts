import { describe, expectTypeOf, it } from 'vitest';
import { createApp, type Ref } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import {
  type ConsentState,
  createTracker,
  SpoorPlugin,
  type Tracker,
  type TrackerSnapshot,
  useConsent,
  useSessionTracker,
  useTrackerSnapshot,
} from '../src';
import type { AppCustomEvents } from '../src/useSessionTracker';

describe('public types', () => {
  it('re-exports the core API', () => {
    expectTypeOf(createTracker()).toEqualTypeOf<Tracker>();
  });

  it('installs with a tracker or with options, and a vue-router router', () => {
    const tracker = createTracker();
    const router = createRouter({ history: createWebHistory(), routes: [] });
    createApp({}).use(SpoorPlugin, { tracker, router });
    createApp({}).use(SpoorPlugin, { options: { consent: { mode: 'opt-in' } } });
    // @ts-expect-error a tracker and options together are ambiguous
    createApp({}).use(SpoorPlugin, { tracker, options: {} });
    // @ts-expect-error one of them is required
    createApp({}).use(SpoorPlugin, {});
  });

  it('types the composables', () => {
    // Typed by the SpoorCustomEvents declared in customEvents.test-d.ts (declarations merge program-wide).
    expectTypeOf(useSessionTracker().tracker).toEqualTypeOf<Tracker<AppCustomEvents>>();
    expectTypeOf(useSessionTracker().snapshot).toEqualTypeOf<Readonly<Ref<TrackerSnapshot>>>();
    expectTypeOf(useSessionTracker().sessionId).toEqualTypeOf<Readonly<Ref<string | null>>>();
    expectTypeOf(useSessionTracker().consent).toEqualTypeOf<Readonly<Ref<ConsentState>>>();
    expectTypeOf(useTrackerSnapshot()).toEqualTypeOf<Readonly<Ref<TrackerSnapshot>>>();
    expectTypeOf(useTrackerSnapshot((s) => s.sessionId)).toEqualTypeOf<Readonly<Ref<string | null>>>();
    expectTypeOf(useConsent().state).toEqualTypeOf<Readonly<Ref<ConsentState>>>();
    expectTypeOf(useConsent().grant).toEqualTypeOf<() => void>();
  });

  it('keeps the returned state read-only', () => {
    const { snapshot } = useSessionTracker();
    const { state } = useConsent();
    // @ts-expect-error read-only
    snapshot.value = useTrackerSnapshot().value;
    // @ts-expect-error read-only
    state.value = 'granted';
    // @ts-expect-error read-only
    useSessionTracker().sessionId.value = 'forged';
  });
});
