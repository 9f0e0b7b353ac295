export * from '@spoor/core';
export type { TrackBinding } from './directives';
export { createTrackDirective, vSpoorBlock, vSpoorMask } from './directives';
export type { RouterLike, SpoorPluginOptions } from './plugin';
export { SpoorPlugin } from './plugin';
export type { ConsentContext } from './useConsent';
export { useConsent } from './useConsent';
export type { AppCustomEvents, SessionTrackerContext, SpoorCustomEvents } from './useSessionTracker';
export { useSessionTracker } from './useSessionTracker';
export { useTrackerSnapshot } from './useTrackerSnapshot';

import type { Directive } from 'vue';
import type { TrackBinding } from './directives';

declare module 'vue' {
  interface GlobalDirectives {
    /** Masks the element's text and values (`data-spoor-mask`). */
    vSpoorMask: Directive<Element, boolean | undefined>;
    /** Keeps the element out of every recording (`data-spoor-block`). */
    vSpoorBlock: Directive<Element, boolean | undefined>;
    /** Records a custom event when the element is clicked. */
    vSpoorTrack: Directive<Element, TrackBinding>;
  }
}
