import type { Unsubscribe } from '../bus';
import type { EventInput, EventOfType, NavigationKind, TrackerEventType } from '../events';
import type { Privacy } from '../privacy';

/** What every capture source receives. Sources are `(ctx) => stop` and attach passive document listeners. */
export interface CaptureContext {
  readonly window: Window & typeof globalThis;
  readonly document: Document;
  readonly privacy: Privacy;
  /** Hands an event (type + payload) to the tracker, which adds the envelope, applies consent and delivers it. */
  emit(event: EventInput): void;
  /**
   * Runs `task` after the next paint, out of the event handler the visitor waits on. Events it
   * emits carry the time and address of this call and come before any event emitted after it.
   */
  defer(task: () => void): void;
  /** Runs deferred tasks at once (page exit, stop). */
  drain(): void;
  /** Listens to events other sources emitted (after they got their envelope). */
  on<TType extends TrackerEventType>(type: TType, handler: (event: EventOfType<TType>) => void): Unsubscribe;
  /** Reports a failure inside a source without throwing into the page. */
  reportError(error: unknown): void;
  /** How single-page navigations are noticed; `history` patching and its events when absent. */
  readonly routes?: RouteWatcher;
}

/**
 * Calls `onRoute` after each single-page navigation, with its kind; returns the functions that
 * stop watching. `lastHref` is the URL of the page view in progress.
 */
export type RouteWatcher = (
  ctx: CaptureContext,
  onRoute: (kind: NavigationKind) => void,
  lastHref: () => string,
) => Array<() => void>;
