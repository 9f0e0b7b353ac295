// Bounds on the shape of a decoded event, checked before anything else reads it: nesting depth,
// keys that collide with Object.prototype, and text PostgreSQL refuses (NUL, lone surrogates).

export type Bounded = { ok: true } | { ok: false; code: 'too-deep' | 'reserved-key'; message: string };

const RESERVED = new Set(['__proto__']);

/** Text both storages keep as sent: NUL and lone surrogates (a string cut mid-pair) become U+FFFD. */
export function storableText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes('\u0000') ? wellFormed.replaceAll('\u0000', '\uFFFD') : wellFormed;
}

/**
 * Checks `value` (fresh from `JSON.parse`, so plain objects, arrays and primitives) in place:
 * refuses nesting deeper than `maxDepth` and `__proto__` keys, and makes every string storable.
 */
export function boundValue(value: unknown, maxDepth: number): Bounded {
  const stack: [node: unknown, depth: number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) {
      return { ok: false, code: 'too-deep', message: `nested deeper than ${maxDepth} levels` };
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item === 'string') node[i] = storableText(item);
        else if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (RESERVED.has(key)) {
        return { ok: false, code: 'reserved-key', message: `the key "${key}" is not allowed` };
      }
      const item = record[key];
      const cleanKey = storableText(key);
      if (cleanKey !== key) {
        delete record[key];
        record[cleanKey] = item;
      }
      if (typeof item === 'string') record[cleanKey] = storableText(item);
      else if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
    }
  }
  return { ok: true };
}
