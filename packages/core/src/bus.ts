import type { EventsOf } from './events';

/** Stops a listener. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** Options of {@link createEventBus}. */
export interface EventBusOptions<TMap> {
  /**
   * Called when a listener throws. The error never reaches the code that emitted, and the
   * remaining listeners still run.
   * @default ignores the error
   */
  onListenerError?: (error: unknown, event: EventsOf<TMap>) => void;
}

/** A typed publish/subscribe channel over an event map. */
export interface EventBus<TMap> {
  /** Listens to one event type; the handler's argument is narrowed to that type. */
  on<TType extends keyof TMap>(
    type: TType,
    handler: (event: Extract<EventsOf<TMap>, { type: TType }>) => void,
  ): Unsubscribe;
  /** Listens to every event. */
  on(type: '*', handler: (event: EventsOf<TMap>) => void): Unsubscribe;
  /** Like `on`, for the next event of that type only. */
  once<TType extends keyof TMap>(
    type: TType,
    handler: (event: Extract<EventsOf<TMap>, { type: TType }>) => void,
  ): Unsubscribe;
  /** Delivers an event to the listeners of its type, then to the `'*'` listeners. */
  emit(event: EventsOf<TMap>): void;
  /** Removes every listener. */
  clear(): void;
}

type AnyHandler = (event: never) => void;

/**
 * Creates a typed event bus. A throwing listener never stops the others and is never rethrown.
 *
 * @example
 * const bus = createEventBus<{ ping: { n: number } }>();
 * const off = bus.on('ping', (event) => event.n);
 * bus.emit({ type: 'ping', n: 1 });
 * off();
 */
/* @__NO_SIDE_EFFECTS__ */
export function createEventBus<TMap>(options: EventBusOptions<TMap> = {}): EventBus<TMap> {
  const listeners = new Map<PropertyKey, Set<AnyHandler>>();

  const add = (type: PropertyKey, handler: AnyHandler): Unsubscribe => {
    let set = listeners.get(type);
    if (!set) {
      set = new Set();
      listeners.set(type, set);
    }
    // Wrap so the same function can be registered twice and removed once per registration.
    const entry: AnyHandler = (event) => handler(event);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  };

  const run = (set: Set<AnyHandler> | undefined, event: EventsOf<TMap>) => {
    if (!set || set.size === 0) return;
    // Copy so listeners added or removed while emitting do not change this round.
    for (const handler of [...set]) {
      try {
        (handler as (event: EventsOf<TMap>) => void)(event);
      } catch (error) {
        try {
          options.onListenerError?.(error, event);
        } catch {
          // An error reporter that throws has nowhere left to report to.
        }
      }
    }
  };

  const bus: EventBus<TMap> = {
    on: (type: PropertyKey, handler: AnyHandler) => add(type, handler),
    once(type, handler) {
      const off = add(type, (event) => {
        off();
        (handler as AnyHandler)(event);
      });
      return off;
    },
    emit(event) {
      const type = (event as { type: PropertyKey }).type;
      run(listeners.get(type), event);
      run(listeners.get('*'), event);
    },
    clear() {
      listeners.clear();
    },
  };
  return bus;
}
