/** Small helpers the codec's parts share: what counts as a plain record, and the keys left over. */

export type Record_ = Record<string, unknown>;

export const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);

/** The keys of `record` other than `known`, with a defined value; `undefined` when there are none. */
export function restOf(record: Record_, known: readonly string[]): Record_ | undefined {
  let rest: Record_ | undefined;
  for (const key of Object.keys(record)) {
    if (known.includes(key) || record[key] === undefined) continue;
    rest ??= {};
    rest[key] = record[key];
  }
  return rest;
}

/** True when every key in `keys` holds a defined value. */
export function hasAll(record: Record_, keys: readonly string[]): boolean {
  for (const key of keys) if (record[key] === undefined) return false;
  return true;
}

/** Thrown by the decoder on data no encoder wrote. */
export function malformed(what: string): Error {
  return new Error(`Replay chunk (codec 2) is malformed: ${what}`);
}
