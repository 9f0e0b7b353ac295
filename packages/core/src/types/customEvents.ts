/**
 * Typing for custom events. `createTracker<MyEvents>()` takes a map from event name to props;
 * `track()` then offers those names and checks their props. Without a map any name and any
 * props are accepted, as before.
 *
 * @example
 * type MyEvents = { plan_chosen: { plan: 'pro' | 'free' }; signed_up: {} };
 * const tracker = createTracker<MyEvents>({ ... });
 * tracker.track('plan_chosen', { plan: 'pro' }); // name and props checked
 * tracker.track('signed_up');                    // props optional when the map allows {}
 */

/** The event map of an untyped tracker: any name, any props. */
export type AnyCustomEvents = Record<string, Record<string, unknown>>;

/** The names `track()` accepts. */
export type CustomEventName<TEvents> = keyof TEvents & string;

/** The props argument of `track(name, …)`: optional when an empty object would do. */
export type CustomEventProps<TEvents, TName extends keyof TEvents> =
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "props that may be left out"
  {} extends TEvents[TName] ? [props?: TEvents[TName]] : [props: TEvents[TName]];
