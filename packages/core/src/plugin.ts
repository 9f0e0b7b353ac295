import type { Unsubscribe } from './bus';
import type { EventInput, EventOfType, TrackerEvent, TrackerEventType } from './events';
import type { VisitorSnapshot } from './personal/snapshot';
import type { Privacy } from './privacy';

/** UI state of a tracker, as adapters read it. Replaced, never mutated, when something changes. */
export interface TrackerSnapshot extends VisitorSnapshot {
  /** The current session id, or null before consent or on the server. */
  readonly sessionId: string | null;
  readonly tabId: string | null;
  readonly consent: import('./events').ConsentState;
  /** `idle` before start or after the last stop, `running` while started, `destroyed` after destroy(). */
  readonly status: 'idle' | 'running' | 'destroyed';
  /** The last failure reported on the bus (listener, capture, transport), if any. */
  readonly lastError: { code: string; message: string } | null;
}

/** What a plugin gets: the same powers a capture source has, plus the tracker's state. */
export interface PluginContext {
  readonly window: Window & typeof globalThis;
  readonly document: Document;
  readonly privacy: Privacy;
  /** Hands an event to the tracker (envelope, consent, beforeSend and delivery apply). */
  emit(event: EventInput): void;
  on<TType extends TrackerEventType>(type: TType, handler: (event: EventOfType<TType>) => void): Unsubscribe;
  on(type: '*', handler: (event: TrackerEvent) => void): Unsubscribe;
  getSnapshot(): TrackerSnapshot;
  subscribe(listener: () => void): Unsubscribe;
  reportError(error: unknown): void;
}

/**
 * A tracker plugin. `setup` runs each time capture starts (the tracker is running and consent is
 * granted); the function it returns runs when capture stops (stop, deny, destroy).
 *
 * @example
 * const logPlugin: TrackerPlugin = {
 *   name: 'log',
 *   setup(ctx) { return ctx.on('*', (event) => console.log(event.type)) },
 * };
 */
export interface TrackerPlugin {
  name: string;
  setup(ctx: PluginContext): (() => void) | undefined;
}
