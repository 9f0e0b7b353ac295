import type { RrwebEvent } from './codec/encode';
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
 * The encoder's code is loaded on demand with the first chunk, like rrweb, so pages that record
 * nothing never download it; chunks that must leave before it has arrived go as codec 1.
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

type Encode = (events: readonly RrwebEvent[]) => unknown[];

let loading: Promise<Encode> | undefined;
/** The encoder, once it has arrived: later recordings use it at once. */
let loaded: Encode | undefined;

/** Loads the encoder once per page (a chunk of its own in the app's bundle); a failed load is retried later. */
export function loadEncoder(): Promise<Encode> {
  if (!loading) {
    // By package name, so an app's bundler (and our size budget) sees a chunk of its own.
    const pending = import('@spoor/replay/codec').then((module) => {
      loaded = module.encodeEvents;
      return loaded;
    });
    loading = pending;
    pending.catch(() => {
      if (loading === pending) loading = undefined;
    });
  }
  return loading;
}

/** `loading`: the encoder's code is on its way; `scheduled`: an idle callback will encode. */
type State = 'unloaded' | 'loading' | 'idle' | 'scheduled';

export function createChunkEncoder(options: ChunkEncoderOptions): ChunkEncoder {
  const { window } = options;
  let waiting: { events: RecordedEvent[]; full: boolean }[] = [];
  let encode: Encode | undefined = loaded;
  let state: State = encode ? 'idle' : 'unloaded';
  let cancel: (() => void) | undefined;

  const encodeOne = () => {
    const chunk = waiting.shift();
    if (!chunk) return;
    let encoded: ReplayChunk = { codec: 1, events: chunk.events, full: chunk.full };
    try {
      if (encode) encoded = { codec: 2, data: encode(chunk.events), full: chunk.full };
    } catch (error) {
      // Never lose a chunk to the encoder: it goes as recorded.
      options.reportError(error);
    }
    options.deliver(encoded);
  };

  const load = () => {
    state = 'loading';
    loadEncoder().then(
      (loaded) => {
        encode = loaded;
        state = 'idle';
        schedule();
      },
      (error: unknown) => {
        // Blocked (network, CSP): what waits goes as codec 1; the next chunk tries again.
        options.reportError(error);
        state = 'unloaded';
        while (waiting.length > 0) encodeOne();
      },
    );
  };

  const schedule = () => {
    if (state === 'unloaded') load();
    if (state !== 'idle' || waiting.length === 0) return;
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
    if (state === 'scheduled') state = 'idle';
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
