import type { Cursor } from './cursor';
import { hasAll, isInteger, isRecord, malformed, type Record_, restOf } from './shape';

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
  if (!isRecord(node) || !isInteger(node.id) || typeof node.type !== 'number') return node;
  const fields = FIELDS[node.type];
  if (!fields || !hasAll(node, fields)) return node;
  if ('childNodes' in node && !Array.isArray(node.childNodes)) return node;
  const encoded: unknown[] = [node.type, node.id - cursor.id - 1];
  cursor.id = node.id;
  for (const field of fields) {
    encoded.push(
      field === 'childNodes'
        ? (node.childNodes as unknown[]).map((child) => encodeNode(child, cursor))
        : node[field],
    );
  }
  const rest = restOf(node, KNOWN[node.type]!);
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
