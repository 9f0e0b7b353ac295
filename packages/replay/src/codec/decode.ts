import { RECORDED_EVENT_TYPE } from '../recorder/recorder';
import { createCursor } from './cursor';
import type { RrwebEvent } from './encode';
import { EVENT_KIND } from './format';
import { decodeMutation } from './mutation';
import { decodeNode } from './node';
import { decodePositions } from './positions';
import { isInteger, isRecord, malformed } from './shape';

/** Decodes what {@link encodeEvents} wrote back into standard rrweb events. Throws on data it did not write. */
export function decodeEvents(data: unknown): RrwebEvent[] {
  if (!Array.isArray(data)) throw malformed('data is not an array');
  const cursor = createCursor();
  return data.map((encoded: unknown): RrwebEvent => {
    if (!Array.isArray(encoded)) throw malformed('an event is not an array');
    const kind = encoded[0];
    if (kind === EVENT_KIND.raw) {
      if (!isRecord(encoded[1])) throw malformed('a raw event is not an object');
      return encoded[1] as unknown as RrwebEvent;
    }
    if (!isInteger(encoded[1])) throw malformed('an event has no time');
    cursor.time += encoded[1];
    const timestamp = cursor.time;
    switch (kind) {
      case EVENT_KIND.plain:
        return { type: encoded[2] as number, data: encoded[3], timestamp };
      case EVENT_KIND.fullSnapshot:
        return {
          type: RECORDED_EVENT_TYPE.fullSnapshot,
          data: { node: decodeNode(encoded[2], cursor), ...(isRecord(encoded[3]) ? encoded[3] : {}) },
          timestamp,
        };
      case EVENT_KIND.mutation:
        return {
          type: RECORDED_EVENT_TYPE.incrementalSnapshot,
          data: decodeMutation(encoded.slice(2), cursor),
          timestamp,
        };
      case EVENT_KIND.positions:
        return {
          type: RECORDED_EVENT_TYPE.incrementalSnapshot,
          data: decodePositions(encoded[2] as number, encoded[3]),
          timestamp,
        };
      default:
        throw malformed(`unknown event kind ${String(kind)}`);
    }
  });
}
