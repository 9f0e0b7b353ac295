import { describe, expectTypeOf, it } from 'vitest';
import { createTracker, type Tracker } from '../src/index';

type ShopEvents = {
  plan_chosen: { plan: 'pro' | 'free'; seats?: number };
  signed_up: Record<string, never>;
  searched: { query: string; at: Date };
};

describe('typed custom events', () => {
  it('checks names and props of a typed tracker', () => {
    const tracker = createTracker<ShopEvents>();
    tracker.track('plan_chosen', { plan: 'pro' });
    tracker.track('plan_chosen', { plan: 'free', seats: 3 });
    tracker.track('signed_up');
    tracker.track('signed_up', {});
    tracker.track('searched', { query: 'shoes', at: new Date() });
    // @ts-expect-error: not an event of the map
    tracker.track('plan_choosen', { plan: 'pro' });
    // @ts-expect-error: 'team' is not a plan
    tracker.track('plan_chosen', { plan: 'team' });
    // @ts-expect-error: props are required when the map requires a field
    tracker.track('plan_chosen');
    // @ts-expect-error: unknown prop
    tracker.track('plan_chosen', { plan: 'pro', coupon: 'x' });
    // @ts-expect-error: wrong type of a prop
    tracker.track('searched', { query: 1, at: new Date() });
  });

  it('offers the map names for autocompletion', () => {
    const tracker = createTracker<ShopEvents>();
    expectTypeOf(tracker.track).parameter(0).toEqualTypeOf<'plan_chosen' | 'signed_up' | 'searched'>();
  });

  it('keeps untyped use working', () => {
    const tracker = createTracker();
    tracker.track('anything');
    tracker.track('anything', { any: 'props', n: 1, nested: { ok: true } });
    expectTypeOf(tracker.track).parameter(0).toBeString();
    // @ts-expect-error: props must be an object
    tracker.track('x', 'not an object');
  });

  it('lets a typed tracker go where a Tracker is expected (adapters, plugins)', () => {
    const typed = createTracker<ShopEvents>();
    const plain: Tracker = typed;
    expectTypeOf(plain.track).parameter(0).toBeString();
  });

  it('accepts interfaces as the map', () => {
    interface Events {
      checkout: { total: number };
    }
    const tracker = createTracker<Events>();
    tracker.track('checkout', { total: 10 });
    // @ts-expect-error: total is a number
    tracker.track('checkout', { total: '10' });
  });
});
