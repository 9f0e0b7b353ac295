import type { Privacy } from '@spoor/core';
import { BLOCK_ATTRIBUTE } from '@spoor/core';
import { attributeRule } from './attributes';
import { INCREMENTAL_SOURCE, RECORDED_EVENT_TYPE, type RecordedEvent } from './recorder';

/** Elements recorded as blank boxes when `blockMedia` is on. */
export const MEDIA_SELECTOR = 'img,picture,video,audio,canvas,object,embed,image';

/** The rrweb options that carry Spoor's privacy rules. */
export interface RecorderPrivacyOptions {
  blockSelector: string;
  maskTextSelector: string;
  maskAllInputs: true;
  maskTextFn(text: string, element: HTMLElement | null): string;
  maskInputFn(text: string, element: HTMLElement): string;
}

/**
 * Maps the core's privacy rules onto rrweb. Every text node and every input value goes through the
 * core's own decision (`maskTextSelector: '*'` hands every text node to `maskTextFn`), so
 * `data-spoor-unmask` and `unmaskSelector` work, and unmasked text is still scrubbed.
 */
export function toRecorderPrivacy(
  privacy: Privacy,
  blockMedia: boolean,
  isTextMasked: (element: Element) => boolean,
): RecorderPrivacyOptions {
  const blocks = [`[${BLOCK_ATTRIBUTE}]`];
  if (privacy.options.blockSelector) blocks.push(privacy.options.blockSelector);
  if (blockMedia) blocks.push(MEDIA_SELECTOR);
  return {
    blockSelector: blocks.join(),
    maskTextSelector: '*',
    maskAllInputs: true,
    maskTextFn: (text, element) =>
      !element || isTextMasked(element) ? privacy.maskText(text) : privacy.scrubText(text),
    maskInputFn: (text, element) => {
      if (!element || privacy.isInputMasked(element)) return privacy.maskText(text);
      return privacy.scrubText(text);
    },
  };
}

type NodeLookup = (id: number) => Node | null;

interface SerializedNode {
  type: number;
  id?: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}

const redactSrcset = (privacy: Privacy, value: string): string =>
  value
    .split(',')
    .map((candidate) => {
      const trimmed = candidate.trim();
      const space = trimmed.search(/\s/);
      return space < 0
        ? privacy.redactUrl(trimmed)
        : privacy.redactUrl(trimmed.slice(0, space)) + trimmed.slice(space);
    })
    .join(', ');

function sanitizeAttributes(
  privacy: Privacy,
  isTextMasked: (element: Element) => boolean,
  attributes: Record<string, unknown>,
  tagName: string | undefined,
  node: Node | null,
): void {
  const element = node?.nodeType === 1 ? (node as Element) : null;
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (typeof value !== 'string' || value === '') continue;
    const lower = name.toLowerCase();
    // The type decides only whether a `value` is a button label; a change may not carry it.
    const type = lower === 'value' ? String(attributes.type ?? element?.getAttribute('type')) : '';
    const rule = attributeRule(lower, tagName, type);
    if (rule === 'link') attributes[name] = privacy.redactLink(value);
    else if (rule === 'url')
      attributes[name] = lower === 'srcset' ? redactSrcset(privacy, value) : privacy.redactUrl(value);
    else if (rule !== 'keep') {
      // A field's value is masked like the field (rrweb masks only the input types it knows, not
      // `hidden`, and never an option's value); text like the text around it. Without the live
      // element (already removed) the safe side is to mask.
      const owner = tagName === 'option' ? (element?.closest('select') ?? element) : element;
      const masked = !owner || (rule === 'input' ? privacy.isInputMasked(owner) : isTextMasked(owner));
      attributes[name] = masked ? privacy.maskText(value) : privacy.scrubText(value);
    }
  }
}

function sanitizeNode(
  privacy: Privacy,
  isTextMasked: (element: Element) => boolean,
  node: SerializedNode,
  lookup: NodeLookup,
): void {
  if (node.type === 2 && node.attributes) {
    const element = node.id === undefined ? null : lookup(node.id);
    sanitizeAttributes(privacy, isTextMasked, node.attributes, node.tagName, element);
    // With every input masked at rrweb's level, rrweb drops `selected` from options; restore it
    // where the core says the <select> may be captured.
    if (node.tagName === 'option' && (element as HTMLOptionElement | null)?.selected) {
      const select = (element as HTMLOptionElement).closest('select');
      if (select && !privacy.isInputMasked(select)) node.attributes.selected = true;
    }
  }
  if (node.childNodes)
    for (const child of node.childNodes) sanitizeNode(privacy, isTextMasked, child, lookup);
}

interface MutationData {
  source: number;
  id?: number;
  text?: string;
  adds?: { node: SerializedNode }[];
  attributes?: { id: number; attributes: Record<string, unknown> }[];
  href?: string;
}

/**
 * Redacts what rrweb has no hook for: URLs (page address, links, sources), text attributes
 * (titles, placeholders, ARIA labels, `data-*`) and the values rrweb does not mask (hidden
 * inputs, options). Runs on each event before it leaves the recorder, in place.
 */
export function sanitizeEvent(
  privacy: Privacy,
  event: RecordedEvent,
  lookup: NodeLookup,
  isTextMasked: (element: Element) => boolean,
): void {
  const data = event.data as MutationData & { node?: SerializedNode };
  if (!data || typeof data !== 'object') return;
  if (event.type === RECORDED_EVENT_TYPE.meta && typeof data.href === 'string') {
    data.href = privacy.redactUrl(data.href);
  } else if (event.type === RECORDED_EVENT_TYPE.fullSnapshot && data.node) {
    sanitizeNode(privacy, isTextMasked, data.node, lookup);
  } else if (
    event.type === RECORDED_EVENT_TYPE.incrementalSnapshot &&
    data.source === INCREMENTAL_SOURCE.mutation
  ) {
    for (const add of data.adds ?? []) sanitizeNode(privacy, isTextMasked, add.node, lookup);
    for (const change of data.attributes ?? []) {
      const element = lookup(change.id);
      sanitizeAttributes(
        privacy,
        isTextMasked,
        change.attributes,
        (element as Element | null)?.tagName?.toLowerCase(),
        element,
      );
    }
  } else if (data.source === INCREMENTAL_SOURCE.input && typeof data.text === 'string') {
    // rrweb masks only the input types it knows: a script setting a hidden input's value is not.
    const node = lookup(data.id as number);
    if (node?.nodeType !== 1 || privacy.isInputMasked(node as Element))
      data.text = privacy.maskText(data.text);
  }
}
