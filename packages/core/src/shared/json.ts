/**
 * Each queued event's JSON, made once. The queue needs it to count a batch's bytes and the HTTP
 * transport sends it: serialising every event twice was a good share of delivery's cost. Events
 * are not changed once queued, so the cached text stays true to the object.
 */
const texts = new WeakMap<object, string>();

export function jsonOf(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/** The JSON of an array of queued events, from their cached texts. */
export const jsonList = (values: readonly object[]): string => `[${values.map(jsonOf).join(',')}]`;
