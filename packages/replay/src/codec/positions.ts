import { isInteger, isRecord, keyCount, malformed, type Record_ } from './shape';

/**
 * Pointer and touch paths (`{ source, positions: [{ x, y, id, timeOffset }] }`) as one flat array of
 * integers, each a delta from the same field of the position before: `[x, y, id, timeOffset, x, …]`.
 * Only integers are delta-encoded (a float would not survive the subtraction exactly): a path with
 * any other value, or any other key, is not encoded this way.
 */
const FIELDS = ['x', 'y', 'id', 'timeOffset'] as const;

/** rrweb's sources that carry `positions`: mouse move, touch move, drag. */
export const POSITION_SOURCES: readonly number[] = [1, 6, 12];

export function encodePositions(data: Record_): number[] | undefined {
  const { positions } = data;
  if (!Array.isArray(positions) || keyCount(data) !== 2) return undefined;
  const out: number[] = [];
  const previous = [0, 0, 0, 0];
  for (const position of positions) {
    if (!isRecord(position) || keyCount(position) !== FIELDS.length) return undefined;
    for (let i = 0; i < FIELDS.length; i++) {
      const value = position[FIELDS[i]!];
      if (!isInteger(value)) return undefined;
      out.push(value - previous[i]!);
      previous[i] = value;
    }
  }
  return out;
}

export function decodePositions(source: number, flat: unknown): Record_ {
  if (!Array.isArray(flat) || flat.length % FIELDS.length !== 0) throw malformed('a pointer path');
  const positions: Record_[] = [];
  const previous = [0, 0, 0, 0];
  for (let at = 0; at < flat.length; at += FIELDS.length) {
    const position: Record_ = {};
    for (let i = 0; i < FIELDS.length; i++) {
      const delta = flat[at + i];
      if (!isInteger(delta)) throw malformed('a pointer path holds a value that is not an integer');
      previous[i]! += delta;
      position[FIELDS[i]!] = previous[i];
    }
    positions.push(position);
  }
  return { source, positions };
}
