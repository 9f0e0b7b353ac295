import { decodeEvents } from './decode';
import type { RrwebEvent } from './encode';

/**
 * The rrweb events of one `replay` event (or of its stored payload), whatever codec wrote it:
 * codec 1 (or none, from before codecs were numbered) carries them in `events`; codec 2 in `data`.
 * Throws an error naming the problem on a chunk it cannot read.
 */
export function decodeReplayChunk(chunk: {
  readonly codec?: unknown;
  readonly events?: unknown;
  readonly data?: unknown;
  readonly full?: unknown;
}): RrwebEvent[] {
  const codec = chunk.codec ?? 1;
  if (codec === 1) {
    if (!Array.isArray(chunk.events)) throw new Error('Replay chunk (codec 1) has no events array');
    return chunk.events as RrwebEvent[];
  }
  if (codec === 2) return decodeEvents(chunk.data);
  throw new Error(`Replay chunk has an unknown codec: ${String(codec)}`);
}
