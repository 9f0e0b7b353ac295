/**
 * Each queued event's JSON, made once: the queue counts a batch's bytes from it and the HTTP
 * transport sends it. Events are not changed once queued, so the text stays true to the object.
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
