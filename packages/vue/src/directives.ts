import {
  type ClickTracking,
  type PrivacyMark,
  privacyMarkProps,
  setPrivacyMark,
  type TrackBinding,
  type Tracker,
  trackClicks,
} from '@spoor/core';
import type { Directive, ObjectDirective } from 'vue';

export type { TrackBinding };

function markDirective(mark: PrivacyMark): ObjectDirective<Element, boolean | undefined> {
  return {
    beforeMount: (el, binding) => setPrivacyMark(el, mark, binding.value),
    updated: (el, binding) => setPrivacyMark(el, mark, binding.value),
    // Rendered on the server too, so the element is masked from the first paint.
    getSSRProps: (binding) => privacyMarkProps(mark, binding.value),
  };
}

/**
 * `v-spoor-mask`: masks the text and field values of an element and its subtree
 * (sets `data-spoor-mask`). `v-spoor-mask="false"` turns it off.
 *
 * @example
 * <input v-spoor-mask name="card" />
 */
export const vSpoorMask: Directive<Element, boolean | undefined> = /* @__PURE__ */ markDirective('mask');

/**
 * `v-spoor-block`: keeps an element and its subtree out of everything Spoor records
 * (sets `data-spoor-block`). `v-spoor-block="false"` turns it off.
 *
 * @example
 * <section v-spoor-block>…</section>
 */
export const vSpoorBlock: Directive<Element, boolean | undefined> = /* @__PURE__ */ markDirective('block');

/**
 * Creates `v-spoor-track` for a tracker: a click on the element records a custom event.
 * {@link SpoorPlugin} registers it globally; use this only to register it by hand.
 *
 * @example
 * <button v-spoor-track="{ name: 'add_to_cart', props: { sku } }">Add</button>
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTrackDirective(tracker: Tracker): Directive<Element, TrackBinding> {
  const bindings = new WeakMap<Element, ClickTracking>();
  return {
    mounted(el, binding) {
      bindings.set(el, trackClicks(el, tracker, binding.value));
    },
    updated(el, binding) {
      bindings.get(el)?.update(binding.value);
    },
    beforeUnmount(el) {
      bindings.get(el)?.destroy();
      bindings.delete(el);
    },
  };
}
