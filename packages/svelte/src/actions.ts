import { BLOCK_ATTRIBUTE, MASK_ATTRIBUTE, type Tracker } from '@spoor/core';
import type { Action } from 'svelte/action';
import { getTrackerContext } from './context';

function attributeAction(attribute: string): Action<Element, boolean | undefined> {
  return (node, enabled) => {
    node.toggleAttribute(attribute, enabled !== false);
    return { update: (next) => node.toggleAttribute(attribute, next !== false) };
  };
}

/**
 * `use:mask`: masks the text and field values of an element and its subtree (sets `data-spoor-mask`).
 * `use:mask={false}` turns it off.
 *
 * @example
 * <input name="card" use:mask />
 */
export const mask: Action<Element, boolean | undefined> = /* @__PURE__ */ attributeAction(MASK_ATTRIBUTE);

/**
 * `use:block`: keeps an element and its subtree out of everything Spoor records (sets `data-spoor-block`).
 * `use:block={false}` turns it off.
 *
 * @example
 * <section use:block>…</section>
 */
export const block: Action<Element, boolean | undefined> = /* @__PURE__ */ attributeAction(BLOCK_ATTRIBUTE);

/** What `use:track` takes: an event name, or a name with properties (and, optionally, the tracker). */
export type TrackParams =
  | string
  | {
      name: string;
      props?: Record<string, unknown>;
      /** The tracker to record with. @default the one from setTrackerContext */
      tracker?: Tracker;
    };

/**
 * `use:track`: each click on the element records a custom event, with the tracker from
 * {@link setTrackerContext} unless one is given.
 *
 * @example
 * <button use:track={{ name: 'add_to_cart', props: { sku } }}>Add to cart</button>
 */
export const track: Action<Element, TrackParams> = (node, initial) => {
  let params = initial;
  const tracker = (typeof params === 'object' ? params.tracker : undefined) ?? getTrackerContext();
  const onClick = () => {
    if (typeof params === 'string') tracker.track(params);
    else tracker.track(params.name, params.props);
  };
  node.addEventListener('click', onClick);
  return {
    update: (next) => {
      params = next;
    },
    destroy: () => node.removeEventListener('click', onClick),
  };
};
