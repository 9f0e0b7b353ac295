import { INCREMENTAL_SOURCE, RECORDED_EVENT_TYPE } from '../recorder/recorder';
import { type Cursor, createCursor } from './cursor';
import { EVENT_KIND } from './format';
import { encodeMutation } from './mutation';
import { encodeNode } from './node';
import { encodePositions, POSITION_SOURCES } from './positions';
import { isInteger, isRecord, restOf } from './shape';

/** An rrweb event (`eventWithTime`): what the recorder emits and the decoder gives back. */
export interface RrwebEvent {
  type: number;
  data: unknown;
  timestamp: number;
}

const EVENT_KEYS = ['type', 'data', 'timestamp'];

function encodeData(type: number, data: unknown, cursor: Cursor): unknown[] | undefined {
  if (!isRecord(data)) return undefined;
  if (type === RECORDED_EVENT_TYPE.fullSnapshot && data.node !== undefined) {
    return [EVENT_KIND.fullSnapshot, encodeNode(data.node, cursor), restOf(data, ['node']) ?? {}];
  }
  if (type !== RECORDED_EVENT_TYPE.incrementalSnapshot) return undefined;
  if (data.source === INCREMENTAL_SOURCE.mutation) {
    const mutation = encodeMutation(data, cursor);
    return mutation && [EVENT_KIND.mutation, ...mutation];
  }
  if (POSITION_SOURCES.includes(data.source as number)) {
    const positions = encodePositions(data);
    return positions && [EVENT_KIND.positions, data.source, positions];
  }
  return undefined;
}

/**
 * Encodes a chunk of rrweb events in codec 2. Lossless: `decodeEvents(encodeEvents(events))`
 * deep-equals `events` as they would come out of `JSON.parse(JSON.stringify(events))`; an event of a
 * shape it does not know is carried as it is. Pure and DOM-free, so it runs in a worker or in Node.
 */
export function encodeEvents(events: readonly RrwebEvent[]): unknown[] {
  const cursor = createCursor();
  const out: unknown[] = [];
  for (const event of events) {
    if (
      !isRecord(event) ||
      !isInteger(event.timestamp) ||
      !isInteger(event.type) ||
      restOf(event, EVENT_KEYS)
    ) {
      out.push([EVENT_KIND.raw, event]);
      continue;
    }
    const { type, timestamp } = event;
    const delta = timestamp - cursor.time;
    cursor.time = timestamp;
    const encoded = encodeData(type, event.data, cursor);
    if (!encoded) {
      out.push([EVENT_KIND.plain, delta, type, event.data]);
      continue;
    }
    encoded.splice(1, 0, delta);
    out.push(encoded);
  }
  return out;
}
