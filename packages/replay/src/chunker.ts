import { RECORDED_EVENT_TYPE, type RecordedEvent } from './recorder/recorder';

/** Options of the chunker: when a chunk of recorded events is handed on. */
export interface ChunkerOptions {
  flushIntervalMs: number;
  maxEvents: number;
  maxBytes: number;
  send(events: RecordedEvent[], full: boolean): void;
}

/** Groups recorded events into `replay` chunks; a full snapshot always leaves at once. */
export interface Chunker {
  /** Adds an event; `bytes` is its serialised size. */
  push(event: RecordedEvent, bytes: number): void;
  /** Sends what is pending now. */
  flush(): void;
  /** Forgets what is pending. */
  discard(): void;
}

export function createChunker(options: ChunkerOptions): Chunker {
  let pending: RecordedEvent[] = [];
  let bytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const take = (): RecordedEvent[] => {
    clearTimer();
    const events = pending;
    pending = [];
    bytes = 0;
    return events;
  };
  const flush = () => {
    if (pending.length === 0) return clearTimer();
    const events = take();
    options.send(
      events,
      events.some((event) => event.type === RECORDED_EVENT_TYPE.fullSnapshot),
    );
  };

  return {
    push(event, size) {
      // A full snapshot starts with its meta event: what came before belongs to the previous chunk.
      if (event.type === RECORDED_EVENT_TYPE.meta) flush();
      pending.push(event);
      bytes += size;
      if (
        event.type === RECORDED_EVENT_TYPE.fullSnapshot ||
        pending.length >= options.maxEvents ||
        bytes >= options.maxBytes
      ) {
        flush();
      } else if (timer === undefined) {
        timer = setTimeout(flush, options.flushIntervalMs);
      }
    },
    flush,
    discard() {
      take();
    },
  };
}
