import { INCREMENTAL_SOURCE, type RecordedEvent } from './recorder/recorder';

/** Typical serialised size of a small event (pointer, scroll, input, viewport). */
const SMALL_EVENT_BYTES = 150;
/** The envelope of an incremental event: `{"type":3,"data":{"source":0,…},"timestamp":…}`. */
const EVENT_BYTES = 80;
/** One `removes` entry, or the ids and quotes around one `texts` entry. */
const ENTRY_BYTES = 30;
/** One `adds` entry without its attributes and text: parent, next and node ids, type, empty children. */
const ADDED_NODE_BYTES = 90;
/** Quotes, colon and comma around one attribute name and value. */
const ATTRIBUTE_BYTES = 6;

interface AddedNode {
  node?: { tagName?: unknown; textContent?: unknown; attributes?: unknown };
}

const length = (value: unknown): number =>
  typeof value === 'string' ? value.length : value === null || value === undefined ? 0 : 8;

const attributesBytes = (attributes: unknown): number => {
  if (typeof attributes !== 'object' || attributes === null) return 0;
  let bytes = 0;
  for (const name in attributes) {
    bytes += name.length + ATTRIBUTE_BYTES + length((attributes as Record<string, unknown>)[name]);
  }
  return bytes;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Estimated serialised size of an incremental event, without serialising it. Only DOM changes and
 * style rules are sized from their content (they are what grows without bound): the string lengths
 * of added nodes, texts and attributes plus a fixed cost per entry, which lands within a few per cent
 * of `JSON.stringify(event).length` for rrweb's flat mutation records. The many small events are
 * counted at a typical size.
 */
export function estimateEventBytes(event: RecordedEvent): number {
  const data = event.data as Record<string, unknown> | null;
  const source = data?.source;
  if (source === INCREMENTAL_SOURCE.mutation) {
    let bytes = EVENT_BYTES + list(data?.removes).length * ENTRY_BYTES;
    for (const text of list(data?.texts)) {
      bytes += ENTRY_BYTES + length((text as { value?: unknown } | null)?.value);
    }
    for (const change of list(data?.attributes)) {
      bytes += ENTRY_BYTES + attributesBytes((change as { attributes?: unknown } | null)?.attributes);
    }
    for (const add of list(data?.adds)) {
      const node = (add as AddedNode | null)?.node;
      bytes += ADDED_NODE_BYTES;
      if (node) bytes += length(node.tagName) + length(node.textContent) + attributesBytes(node.attributes);
    }
    return bytes;
  }
  if (source === INCREMENTAL_SOURCE.styleSheetRule) {
    let bytes = EVENT_BYTES + list(data?.removes).length * ENTRY_BYTES;
    for (const add of list(data?.adds))
      bytes += ENTRY_BYTES + length((add as { rule?: unknown } | null)?.rule);
    return bytes;
  }
  return SMALL_EVENT_BYTES;
}
