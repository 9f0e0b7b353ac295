import { encodeEvents } from './codec/encode';
import type { ReplayChunk } from './codec/format';
import type { RecordedEvent } from './recorder/recorder';

/** Options of the chunk encoder. */
export interface ChunkEncoderOptions {
  readonly window: Window & typeof globalThis;
  /** Receives each encoded chunk, in the order the chunks were pushed. */
  deliver(chunk: ReplayChunk): void;
  reportError(error: unknown): void;
}

/**
 * Encodes replay chunks (codec 2) in the page's idle time, never in the task that recorded them:
 * a chunk is cut while the visitor interacts (a click's mutations fill it), and encoding it then
 * would lengthen that interaction. `flush()` encodes what waits at once, for the page's exit.
 */
export interface ChunkEncoder {
  push(events: RecordedEvent[], full: boolean): void;
  /** Encodes and delivers every waiting chunk now. */
  flush(): void;
  /** Forgets every waiting chunk. */
  discard(): void;
}

/** How long a chunk may wait for idle time before it is encoded anyway. */
const IDLE_TIMEOUT_MS = 1_000;

type State = 'idle' | 'scheduled';

export function createChunkEncoder(options: ChunkEncoderOptions): ChunkEncoder {
  const { window } = options;
  let waiting: { events: RecordedEvent[]; full: boolean }[] = [];
  let state: State = 'idle';
  let cancel: (() => void) | undefined;

  const encodeOne = () => {
    const chunk = waiting.shift();
    if (!chunk) return;
    let encoded: ReplayChunk;
    try {
      encoded = { codec: 2, data: encodeEvents(chunk.events), full: chunk.full };
    } catch (error) {
      // Never lose a chunk to the encoder: it goes as recorded.
      options.reportError(error);
      encoded = { codec: 1, events: chunk.events, full: chunk.full };
    }
    options.deliver(encoded);
  };

  const schedule = () => {
    if (state === 'scheduled' || waiting.length === 0) return;
    state = 'scheduled';
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      // No idle callbacks (Safari): a task of its own, after the one that cut the chunk.
      const handle = setTimeout(run, 0);
      cancel = () => clearTimeout(handle);
    }
  };

  function run(deadline?: IdleDeadline) {
    state = 'idle';
    cancel = undefined;
    // At least one chunk per callback; more while the browser says it is idle.
    do encodeOne();
    while (waiting.length > 0 && deadline && !deadline.didTimeout && deadline.timeRemaining() > 0);
    schedule();
  }

  const stop = () => {
    cancel?.();
    cancel = undefined;
    state = 'idle';
  };

  return {
    push(events, full) {
      waiting.push({ events, full });
      schedule();
    },
    flush() {
      stop();
      while (waiting.length > 0) encodeOne();
    },
    discard() {
      stop();
      waiting = [];
    },
  };
}
