import type { Unsubscribe } from './bus';
import type { EventInput, EventOfType, TrackerEvent, TrackerEventType } from './events';
import type { Privacy } from './privacy';
import type { TrackerSnapshot } from './tracker/snapshot';

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
