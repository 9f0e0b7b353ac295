import { SpoorError } from './errors';
import { byteLength } from './shared/utf8';

const MAX_NAME_LENGTH = 100;
const MAX_DEPTH = 8;
/** Custom event props are capped at this many bytes of JSON. */
const MAX_PROPS_BYTES = 16_384;

const fail = (message: string) => new SpoorError('invalid-event', `track(): ${message}`);

function check(value: unknown, path: string, depth: number, seen: Set<object>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw fail(`${path} is ${value}; numbers must be finite`);
    return;
  }
  if (typeof value !== 'object') {
    throw fail(
      `${path} is a ${typeof value}; props must be JSON values (strings, finite numbers, booleans, null, arrays, plain objects)`,
    );
  }
  if (depth > MAX_DEPTH) throw fail(`${path} is nested more than ${MAX_DEPTH} levels deep`);
  if (seen.has(value)) throw fail(`${path} refers back to itself (a cycle)`);
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    throw fail(
      `${path} is a ${proto?.constructor?.name ?? 'class instance'}; use plain objects (convert dates with toISOString())`,
    );
  }
  seen.add(value);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) check(item, `${path}[${index}]`, depth + 1, seen);
  } else for (const [key, item] of Object.entries(value)) check(item, `${path}.${key}`, depth + 1, seen);
  seen.delete(value);
}

/** Throws a SpoorError explaining what is wrong with a `track()` call; returns quietly when it is fine. */
export function checkCustomEvent(name: unknown, props: unknown): void {
  if (typeof name !== 'string' || name.trim() === '')
    throw fail(`the event name must be a non-empty string, got ${JSON.stringify(name) ?? String(name)}`);
  if (name.length > MAX_NAME_LENGTH)
    throw fail(`the event name is ${name.length} characters; at most ${MAX_NAME_LENGTH}`);
  if (typeof props !== 'object' || props === null || Array.isArray(props))
    throw fail('props must be a plain object');
  check(props, 'props', 0, new Set());
  const bytes = byteLength(JSON.stringify(props));
  if (bytes > MAX_PROPS_BYTES) throw fail(`props are ${bytes} bytes of JSON; at most ${MAX_PROPS_BYTES}`);
}
