import { describe, expectTypeOf, it } from 'vitest';
import { useSessionTracker } from '../src';

// What an app writes once (against '@spoor/vue'; here against the source it re-exports).
declare module '../src/useSessionTracker' {
  interface SpoorCustomEvents {
    plan_chosen: { plan: 'pro' | 'free' };
    signed_up: Record<string, never>;
    // The event the runtime tests send (this declaration applies to the whole test program).
    hello: { from: string };
  }
}

describe('typed custom events through type augmentation', () => {
  it("types the composable's tracker by SpoorCustomEvents", () => {
    const { tracker } = useSessionTracker();
    tracker.track('plan_chosen', { plan: 'pro' });
    tracker.track('signed_up');
    expectTypeOf(tracker.track).parameter(0).toEqualTypeOf<'plan_chosen' | 'signed_up' | 'hello'>();
    // @ts-expect-error: not a declared event
    tracker.track('plan_choosen', { plan: 'pro' });
    // @ts-expect-error: 'team' is not a plan
    tracker.track('plan_chosen', { plan: 'team' });
  });
});
