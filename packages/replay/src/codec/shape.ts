/** Small helpers the codec's parts share: what counts as a plain record, and the keys left over. */

export type Record_ = Record<string, unknown>;

export const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);

/** The keys of `record` other than `known`, with a defined value; `undefined` when there are none. */
export function restOf(record: Record_, known: readonly string[]): Record_ | undefined {
  let rest: Record_ | undefined;
  // for…in rather than Object.keys: this runs for every node and entry, and allocates nothing.
  for (const key in record) {
    if (record[key] === undefined || known.includes(key) || !Object.hasOwn(record, key)) continue;
    rest ??= {};
    rest[key] = record[key];
  }
  return rest;
}

/** Own keys of a record (for…in: no array is allocated, and JSON-shaped records inherit none). */
export function keyCount(record: Record_): number {
  let count = 0;
  for (const _ in record) count += 1;
  return count;
}

/** Thrown by the decoder on data no encoder wrote. */
export function malformed(what: string): Error {
  return new Error(`Replay chunk (codec 2) is malformed: ${what}`);
}
