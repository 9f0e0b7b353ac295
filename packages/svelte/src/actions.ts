import { type PrivacyMark, setPrivacyMark, type TrackBinding, type Tracker, trackClicks } from '@spoor/core';
import type { Action } from 'svelte/action';
import { getTrackerContext } from './context';

function markAction(mark: PrivacyMark): Action<Element, boolean | undefined> {
  return (node, enabled) => {
    setPrivacyMark(node, mark, enabled);
    return { update: (next) => setPrivacyMark(node, mark, next) };
  };
}

/**
 * `use:mask`: masks the text and field values of an element and its subtree (sets `data-spoor-mask`).
 * `use:mask={false}` turns it off.
 *
 * @example
 * <input name="card" use:mask />
 */
export const mask: Action<Element, boolean | undefined> = /* @__PURE__ */ markAction('mask');

/**
 * `use:block`: keeps an element and its subtree out of everything Spoor records (sets `data-spoor-block`).
 * `use:block={false}` turns it off.
 *
 * @example
 * <section use:block>…</section>
 */
export const block: Action<Element, boolean | undefined> = /* @__PURE__ */ markAction('block');

/** What `use:track` takes: an event name, or a name with properties (and, optionally, the tracker). */
export type TrackParams =
  | string
  | {
      name: string;
      props?: Record<string, unknown>;
      /** The tracker to record with. @default the one from setTrackerContext */
      tracker?: Tracker;
    };

/** The binding without the tracker, as the core's click-to-track takes it. */
export function bindingOf(params: TrackParams): TrackBinding {
  if (typeof params === 'string') return params;
  return params.props === undefined ? { name: params.name } : { name: params.name, props: params.props };
}

/**
 * `use:track`: each click on the element records a custom event, with the tracker from
 * {@link setTrackerContext} unless one is given.
 *
 * @example
 * <button use:track={{ name: 'add_to_cart', props: { sku } }}>Add to cart</button>
 */
export const track: Action<Element, TrackParams> = (node, initial) => {
  const tracker = (typeof initial === 'object' ? initial.tracker : undefined) ?? getTrackerContext();
  const tracking = trackClicks(node, tracker, bindingOf(initial));
  return {
    update: (next) => tracking.update(bindingOf(next)),
    destroy: () => tracking.destroy(),
  };
};
