import type { Cursor } from './cursor';
import { isInteger, isRecord, malformed, type Record_, restOf } from './shape';

/**
 * rrweb's serialised nodes as arrays: `[type, id delta, ...fields, rest?]`, the fields in the order
 * below, children nested as they are in rrweb. The id delta is counted from the previous node's id
 * plus one (in document order ids mostly grow by one, so it is mostly 0). Keys other than these go
 * in a trailing object; a node of another shape travels as it is (an object, never an array).
 */
const FIELDS: Record<number, readonly string[]> = {
  0: ['childNodes'],
  1: ['name', 'publicId', 'systemId'],
  2: ['tagName', 'attributes', 'childNodes'],
  3: ['textContent'],
  4: ['textContent'],
  5: ['textContent'],
};

/** Per type, every key the array form carries (computed once: encoding runs per node). */
const KNOWN: Record<number, readonly string[]> = Object.fromEntries(
  Object.entries(FIELDS).map(([type, fields]) => [type, fields.concat('type', 'id')]),
);

export function encodeNode(node: unknown, cursor: Cursor): unknown {
  if (!isRecord(node)) return node;
  const { type, id } = node;
  const fields = typeof type === 'number' ? FIELDS[type] : undefined;
  if (!fields || !isInteger(id)) return node;
  // Checked before anything is written: a node carried as it is leaves the cursor untouched.
  for (const field of fields) {
    const value = node[field];
    if (value === undefined || (field === 'childNodes' && !Array.isArray(value))) return node;
  }
  const encoded: unknown[] = [type, id - cursor.id - 1];
  cursor.id = id;
  for (const field of fields) {
    if (field !== 'childNodes') {
      encoded.push(node[field]);
      continue;
    }
    const children = node.childNodes as unknown[];
    const out = new Array<unknown>(children.length);
    for (let index = 0; index < children.length; index++) out[index] = encodeNode(children[index], cursor);
    encoded.push(out);
  }
  const rest = restOf(node, KNOWN[type as number]!);
  if (rest) encoded.push(rest);
  return encoded;
}

export function decodeNode(encoded: unknown, cursor: Cursor): unknown {
  if (!Array.isArray(encoded)) return encoded;
  const [type, delta] = encoded as [unknown, unknown];
  const fields = typeof type === 'number' ? FIELDS[type] : undefined;
  if (!fields || !isInteger(delta)) throw malformed('a node has an unknown type or id');
  const id = cursor.id + 1 + delta;
  cursor.id = id;
  const node: Record_ = { type };
  fields.forEach((field, index) => {
    const value = encoded[index + 2];
    if (field !== 'childNodes') node[field] = value;
    else if (Array.isArray(value)) node.childNodes = value.map((child) => decodeNode(child, cursor));
    else throw malformed('a node has no list of children');
  });
  node.id = id;
  const rest = encoded[fields.length + 2];
  if (isRecord(rest)) Object.assign(node, rest);
  return node;
}
