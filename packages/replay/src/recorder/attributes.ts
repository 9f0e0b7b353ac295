/** Attributes that hold URLs: secrets in their query strings and fragments are redacted. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
  'data',
  'background',
  'ping',
  'xlink:href',
]);
/** Attributes that hold human-readable text: masked under masking, scrubbed otherwise. */
const TEXT_ATTRIBUTES = new Set([
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-placeholder',
  'aria-roledescription',
  'alt',
  'label',
  'content',
]);
/** Elements whose `value` is what the visitor entered or chose. */
const FIELD_TAGS = new Set(['input', 'textarea', 'select', 'option']);
/** Input types whose `value` is the label of a button, not something entered. */
const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image']);

/**
 * How an attribute value is made safe:
 * - `link`: the target of a link (only the scheme of `mailto:`, `tel:`…; no query values);
 * - `url`: any other URL, or list of URLs (`srcset`), secrets redacted;
 * - `input`: a field's value, masked like the field;
 * - `text`: text a person may read or a page may stash (`data-*`), masked under masking, else scrubbed;
 * - `keep`: structure (`class`, `type`, `style`…), sent as is.
 */
export type AttributeRule = 'link' | 'url' | 'input' | 'text' | 'keep';

/** The rule for attribute `name` (lower case) of an element `tagName` (lower case) of input type `type`. */
export function attributeRule(name: string, tagName: string | undefined, type: string): AttributeRule {
  // `href` and `xlink:href` (SVG links).
  if (name.endsWith('href') && (tagName === 'a' || tagName === 'area')) return 'link';
  if (URL_ATTRIBUTES.has(name) || name === 'srcset') return 'url';
  if (name === 'value') {
    const isButton = tagName === 'input' && BUTTON_TYPES.has(type.toLowerCase());
    return tagName && FIELD_TAGS.has(tagName) && !isButton ? 'input' : 'text';
  }
  return TEXT_ATTRIBUTES.has(name) || name.startsWith('data-') ? 'text' : 'keep';
}
