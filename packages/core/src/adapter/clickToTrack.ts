import type { Tracker } from '../tracker/api';

/** The value of a click-to-track binding: an event name, or a name with properties. */
export type TrackBinding = string | { name: string; props?: Record<string, unknown> };

/** A live click-to-track binding, as a directive, action or attachment holds it. */
export interface ClickTracking {
  /** Takes the latest binding; the next click records it. */
  update(binding: TrackBinding): void;
  /** Stops listening. */
  destroy(): void;
}

/**
 * Records a custom event with `tracker` on every click of `element`, with the binding current at
 * the time of the click. For adapters (`v-spoor-track`, `use:track`, `{@attach}`).
 *
 * @example
 * const tracking = trackClicks(button, tracker, { name: 'add_to_cart', props: { sku } });
 * tracking.destroy();
 */
export function trackClicks(element: Element, tracker: Tracker, binding: TrackBinding): ClickTracking {
  let current = binding;
  const onClick = () => {
    if (typeof current === 'string') tracker.track(current);
    else tracker.track(current.name, current.props);
  };
  element.addEventListener('click', onClick);
  return {
    update(next) {
      current = next;
    },
    destroy() {
      element.removeEventListener('click', onClick);
    },
  };
}
