import type { Unsubscribe } from '../bus';
import type { Consent } from '../consent';
import type { Disclosure } from '../disclosure/describe';
import type { EventOfType, NavigationKind, TrackerEvent, TrackerEventType } from '../events';
import type { AnyCustomEvents, CustomEventName, CustomEventProps } from '../types/customEvents';
import type { TrackerSnapshot } from './snapshot';

/** A running (or not yet started) tracker. Create one with {@link createTracker}. */
export interface Tracker<TEvents extends object = AnyCustomEvents> {
  /** Starts capture (ref-counted: each `start` needs its `stop`). Does nothing on the server. */
  start(): void;
  /** Undoes one `start`; the last one detaches everything and flushes what is waiting. */
  stop(): void;
  /** Stops for good and drops every listener. */
  destroy(): void;
  /** Records a custom event. Never throws: what JSON cannot hold drops the event with a `tracker:error`. */
  track<TName extends CustomEventName<TEvents>>(
    name: TName,
    ...props: CustomEventProps<TEvents, TName>
  ): void;
  /** Records a page view for the current URL now (for routers); the same URL is never counted twice. */
  page(navigation?: NavigationKind): void;
  /** Listens to one event type, or `'*'` for all; returns an unsubscribe. */
  on<TType extends TrackerEventType>(type: TType, handler: (event: EventOfType<TType>) => void): Unsubscribe;
  on(type: '*', handler: (event: TrackerEvent) => void): Unsubscribe;
  /** Calls `listener` whenever the snapshot changes. Bound: safe to pass around. */
  subscribe(listener: () => void): Unsubscribe;
  /** The current UI state; the same object until something changes. */
  getSnapshot(): TrackerSnapshot;
  /** The snapshot to render on the server (constant). */
  getServerSnapshot(): TrackerSnapshot;
  /** The consent state machine. */
  readonly consent: Pick<Consent, 'grant' | 'deny' | 'state' | 'mode'>;
  /**
   * Links this visitor to the app's own user id (sent on every later event as `userId`); `traits`
   * go through the same conversion and scrubbing as `track()` props. Never throws.
   */
  identify(userId: string, traits?: Record<string, unknown>): void;
  /**
   * What this configuration collects, stores and where it sends it, for a privacy page. Loads
   * `@spoor/core/disclosure` (the catalogue's wording) on first use, hence the promise.
   */
  disclosure(): Promise<Disclosure>;
  /** For logout: forgets the user, and starts a new visitor id and a new session. */
  reset(): void;
  /** Sends everything waiting. */
  flush(): Promise<void>;
}
