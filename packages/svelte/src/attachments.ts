import { setPrivacyMark, trackClicks } from '@spoor/core';
import { bindingOf, type TrackParams } from './actions';
import { getTrackerContext } from './context';

/**
 * A Svelte 5 attachment (`{@attach …}`): runs when the element mounts and again when what it reads
 * changes; the function it returns cleans up. The same shape as `svelte/attachments`' `Attachment`,
 * spelled here so the package works with every Svelte 5.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: an attachment may return nothing
export type SpoorAttachment = (element: Element) => void | (() => void);

/**
 * `{@attach spoorMask()}`: masks the element's text and field values, like `use:mask`.
 * `spoorMask(false)` leaves it unmasked.
 *
 * @example
 * <input name="card" {@attach spoorMask()} />
 */
export function spoorMask(enabled = true): SpoorAttachment {
  return (element) => setPrivacyMark(element, 'mask', enabled);
}

/**
 * `{@attach spoorBlock()}`: keeps the element out of every recording, like `use:block`.
 *
 * @example
 * <section {@attach spoorBlock()}>…</section>
 */
export function spoorBlock(enabled = true): SpoorAttachment {
  return (element) => setPrivacyMark(element, 'block', enabled);
}

/**
 * `{@attach spoorTrack(…)}`: each click records a custom event, like `use:track`, with the tracker
 * from `setTrackerContext` unless one is given. When the parameters change, Svelte re-runs it.
 *
 * @example
 * <button {@attach spoorTrack({ name: 'add_to_cart', props: { sku } })}>Add to cart</button>
 */
export function spoorTrack(params: TrackParams): SpoorAttachment {
  const tracker = (typeof params === 'object' ? params.tracker : undefined) ?? getTrackerContext();
  return (element) => {
    const tracking = trackClicks(element, tracker, bindingOf(params));
    return () => tracking.destroy();
  };
}
