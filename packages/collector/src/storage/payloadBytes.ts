// The replay routes page by size. A payload read from a blob or a JSON text column already had its
// size on the way in; re-stringifying it only to count would cost about as much as parsing it did.
const known = new WeakMap<object, number>();

/** Records the stored size of a payload just parsed from `bytes` of JSON. */
export function rememberPayloadBytes<T extends object>(payload: T, bytes: number): T {
  known.set(payload, bytes);
  return payload;
}

/** The payload's stored size when the storage knew it, else the length of its JSON. */
export function payloadBytes(payload: object): number {
  return known.get(payload) ?? JSON.stringify(payload).length;
}
