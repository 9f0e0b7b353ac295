import { decodeEvents } from './decode';
import type { RrwebEvent } from './encode';

/**
 * The rrweb events of one `replay` event (or of its stored payload), whatever codec wrote it:
 * codec 1 (or none, from before codecs were numbered) carries them in `events`; codec 2 in `data`.
 * Throws an error naming the problem on a chunk it cannot read.
 */
export function decodeReplayChunk(chunk: object): RrwebEvent[] {
  const { codec = 1, events, data } = chunk as { codec?: unknown; events?: unknown; data?: unknown };
  if (codec === 1) {
    if (!Array.isArray(events)) throw new Error('Replay chunk (codec 1) has no events array');
    return events as RrwebEvent[];
  }
  if (codec === 2) return decodeEvents(data);
  throw new Error(`Replay chunk has an unknown codec: ${String(codec)}`);
}
