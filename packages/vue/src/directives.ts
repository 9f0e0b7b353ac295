import { BLOCK_ATTRIBUTE, MASK_ATTRIBUTE, type Tracker } from '@spoor/core';
import type { Directive, ObjectDirective } from 'vue';

/** The value of `v-spoor-track`: an event name, or a name with properties. */
export type TrackBinding = string | { name: string; props?: Record<string, unknown> };

function attributeDirective(attribute: string): ObjectDirective<Element, boolean | undefined> {
  const apply = (el: Element, value: boolean | undefined) => el.toggleAttribute(attribute, value !== false);
  return {
    beforeMount: (el, binding) => apply(el, binding.value),
    updated: (el, binding) => apply(el, binding.value),
    // Rendered on the server too, so the element is masked from the first paint.
    getSSRProps: (binding) => (binding.value === false ? {} : { [attribute]: '' }),
  };
}

/**
 * `v-spoor-mask`: masks the text and field values of an element and its subtree
 * (sets `data-spoor-mask`). `v-spoor-mask="false"` turns it off.
 *
 * @example
 * <input v-spoor-mask name="card" />
 */
export const vSpoorMask: Directive<Element, boolean | undefined> =
  /* @__PURE__ */ attributeDirective(MASK_ATTRIBUTE);

/**
 * `v-spoor-block`: keeps an element and its subtree out of everything Spoor records
 * (sets `data-spoor-block`). `v-spoor-block="false"` turns it off.
 *
 * @example
 * <section v-spoor-block>…</section>
 */
export const vSpoorBlock: Directive<Element, boolean | undefined> =
  /* @__PURE__ */ attributeDirective(BLOCK_ATTRIBUTE);

/**
 * Creates `v-spoor-track` for a tracker: a click on the element records a custom event.
 * {@link SpoorPlugin} registers it globally; use this only to register it by hand.
 *
 * @example
 * <button v-spoor-track="{ name: 'add_to_cart', props: { sku } }">Add</button>
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTrackDirective(tracker: Tracker): Directive<Element, TrackBinding> {
  const bindings = new WeakMap<Element, { value: TrackBinding; listener: () => void }>();
  return {
    mounted(el, binding) {
      const entry = {
        value: binding.value,
        listener: () => {
          const { value } = entry;
          if (typeof value === 'string') tracker.track(value);
          else tracker.track(value.name, value.props);
        },
      };
      bindings.set(el, entry);
      el.addEventListener('click', entry.listener);
    },
    updated(el, binding) {
      const entry = bindings.get(el);
      if (entry) entry.value = binding.value;
    },
    beforeUnmount(el) {
      const entry = bindings.get(el);
      if (entry) el.removeEventListener('click', entry.listener);
      bindings.delete(el);
    },
  };
}
