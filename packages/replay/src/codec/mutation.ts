import type { Cursor } from './cursor';
import { decodeNode, encodeNode } from './node';
import { isInteger, isRecord, malformed, type Record_, restOf } from './shape';

/**
 * rrweb's mutation data (`adds`, `removes`, `texts`, `attributes`) as lists of short arrays, every
 * id a delta from the one before it in its list:
 * - adds: `[parent id delta, next id − node id (or null), node, rest?]` — the added node nested
 *   with its children as in a full snapshot;
 * - removes: `[parent id delta, id delta, rest?]`;
 * - texts: `[id delta, value, rest?]`; attributes: `[id delta, attributes, rest?]`.
 * Entries of another shape make the whole event travel as it is (see `encodeMutation`).
 */
const MUTATION_KEYS = ['source', 'adds', 'removes', 'texts', 'attributes'];

interface Entry {
  /** Integer fields, delta-encoded against the previous entry of the list. */
  ids: readonly string[];
  /** Fields carried as they are. */
  values: readonly string[];
  /** Both. */
  keys: readonly string[];
}

const entry = (ids: string[], values: string[]): Entry => ({ ids, values, keys: ids.concat(values) });
const REMOVE = entry(['parentId', 'id'], []);
const TEXT = entry(['id'], ['value']);
const ATTRIBUTE = entry(['id'], ['attributes']);
const ADD_KEYS = ['parentId', 'nextId', 'node'];

function encodeList(list: unknown[], entry: Entry): unknown[] | undefined {
  const previous = entry.ids.map(() => 0);
  const out: unknown[] = [];
  for (const item of list) {
    if (!isRecord(item)) return undefined;
    const encoded: unknown[] = [];
    for (let i = 0; i < entry.ids.length; i++) {
      const value = item[entry.ids[i]!];
      if (!isInteger(value)) return undefined;
      encoded.push(value - previous[i]!);
      previous[i] = value;
    }
    for (const key of entry.values) {
      if (item[key] === undefined) return undefined;
      encoded.push(item[key]);
    }
    const rest = restOf(item, entry.keys);
    if (rest) encoded.push(rest);
    out.push(encoded);
  }
  return out;
}

function decodeList(list: unknown, entry: Entry): Record_[] {
  if (!Array.isArray(list)) throw malformed('a mutation list is not an array');
  const previous = entry.ids.map(() => 0);
  return list.map((encoded: unknown) => {
    if (!Array.isArray(encoded)) throw malformed('a mutation entry is not an array');
    const item: Record_ = {};
    entry.ids.forEach((key, i) => {
      const delta = encoded[i];
      if (!isInteger(delta)) throw malformed(`a mutation entry has no ${key}`);
      previous[i]! += delta;
      item[key] = previous[i];
    });
    entry.values.forEach((key, i) => {
      item[key] = encoded[entry.ids.length + i];
    });
    const rest = encoded[entry.ids.length + entry.values.length];
    if (isRecord(rest)) Object.assign(item, rest);
    return item;
  });
}

const idOf = (node: unknown): number => (isRecord(node) && isInteger(node.id) ? node.id : 0);

function encodeAdds(adds: unknown[], cursor: Cursor): unknown[] | undefined {
  let parent = 0;
  const out: unknown[] = [];
  for (const add of adds) {
    if (!isRecord(add) || !isInteger(add.parentId) || add.node === undefined) return undefined;
    const next = add.nextId;
    if (next !== null && !isInteger(next)) return undefined;
    const encoded: unknown[] = [
      add.parentId - parent,
      next === null ? null : next - idOf(add.node),
      encodeNode(add.node, cursor),
    ];
    parent = add.parentId;
    const rest = restOf(add, ADD_KEYS);
    if (rest) encoded.push(rest);
    out.push(encoded);
  }
  return out;
}

function decodeAdds(adds: unknown, cursor: Cursor): Record_[] {
  if (!Array.isArray(adds)) throw malformed('adds is not an array');
  let parent = 0;
  return adds.map((encoded: unknown) => {
    if (!Array.isArray(encoded) || !isInteger(encoded[0])) throw malformed('an added node has no parent');
    const next = encoded[1];
    if (next !== null && !isInteger(next)) throw malformed('an added node has no next id');
    parent += encoded[0];
    const node = decodeNode(encoded[2], cursor);
    const add: Record_ = { parentId: parent, nextId: next === null ? null : next + idOf(node), node };
    if (isRecord(encoded[3])) Object.assign(add, encoded[3]);
    return add;
  });
}

/** `[adds, removes, texts, attributes, rest?]`, or `undefined` for data of another shape. */
export function encodeMutation(data: Record_, cursor: Cursor): unknown[] | undefined {
  const { adds, removes, texts, attributes } = data;
  if (!Array.isArray(adds) || !Array.isArray(removes) || !Array.isArray(texts) || !Array.isArray(attributes))
    return undefined;
  // Lists are checked before any node is encoded: a refused event must leave the cursor untouched.
  const encodedRemoves = encodeList(removes, REMOVE);
  const encodedTexts = encodeList(texts, TEXT);
  const encodedAttributes = encodeList(attributes, ATTRIBUTE);
  if (!encodedRemoves || !encodedTexts || !encodedAttributes) return undefined;
  const before = cursor.id;
  const encodedAdds = encodeAdds(adds, cursor);
  if (!encodedAdds) {
    cursor.id = before;
    return undefined;
  }
  const encoded: unknown[] = [encodedAdds, encodedRemoves, encodedTexts, encodedAttributes];
  const rest = restOf(data, MUTATION_KEYS);
  if (rest) encoded.push(rest);
  return encoded;
}

export function decodeMutation(encoded: unknown[], cursor: Cursor): Record_ {
  const data: Record_ = {
    source: 0,
    texts: decodeList(encoded[2], TEXT),
    attributes: decodeList(encoded[3], ATTRIBUTE),
    removes: decodeList(encoded[1], REMOVE),
    adds: decodeAdds(encoded[0], cursor),
  };
  if (isRecord(encoded[4])) Object.assign(data, encoded[4]);
  return data;
}
