/**
 * Turns an app's value into the JSON it means, the way `JSON.stringify` would (undefined,
 * functions and symbols left out of objects and null in arrays, `toJSON` honoured so a Date
 * becomes its ISO string, non-finite numbers null, boxed primitives unwrapped), or names what
 * JSON cannot hold (a BigInt, a cycle, nesting too deep). Never throws: `track()` runs inside
 * the app's own handlers, where a throw would abort the app's code.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

const SKIP = Symbol('skip');

class Problem {
  // Declared, not a parameter property: that would bundle esbuild's ES2020 class-field helper.
  declare readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

function convert(input: unknown, key: string, path: string, depth: number, maxDepth: number, seen: object[]) {
  let value = input;
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return SKIP;
    case 'bigint':
      throw new Problem(`${path} is a BigInt, which JSON cannot hold (convert it with String() or Number())`);
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.includes(object)) throw new Problem(`${path} refers back to itself (a cycle)`);
  if (depth >= maxDepth) throw new Problem(`${path} is nested more than ${maxDepth} levels deep`);
  seen.push(object);
  let out: unknown;
  if (Array.isArray(object)) {
    const list: unknown[] = [];
    object.forEach((item, index) => {
      const converted = convert(item, String(index), `${path}[${index}]`, depth + 1, maxDepth, seen);
      list.push(converted === SKIP ? null : converted);
    });
    out = list;
  } else {
    const record: Record<string, unknown> = {};
    for (const name of Object.keys(object)) {
      const item = (object as Record<string, unknown>)[name];
      const converted = convert(item, name, `${path}.${name}`, depth + 1, maxDepth, seen);
      if (converted !== SKIP) record[name] = converted;
    }
    out = record;
  }
  seen.pop();
  return out;
}

/**
 * `value` as JSON would have it, or the first problem found. `path` names the value in the
 * problem ("props.when"); `maxDepth` counts levels of objects and arrays below it.
 * A value JSON leaves out altogether (undefined, a function) comes back as `undefined`.
 */
export function toJson(value: unknown, path: string, maxDepth: number): JsonResult {
  try {
    const converted = convert(value, '', path, 0, maxDepth, []);
    return { ok: true, value: converted === SKIP ? undefined : converted };
  } catch (error) {
    // A getter or toJSON of the app's that throws is a problem of the value, named like the others.
    const problem =
      error instanceof Problem
        ? error.message
        : `${path} could not be read (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, problem };
  }
}
