import { holdsTypedText } from '../privacy/fields';
import { isBoolean } from '../validate';
import type { CaptureContext } from './context';
import { listen, stopAll } from './listen';
import type { SourceDefinition } from './source';
import { describeField, describeTarget, elementOf } from './target';

/** Options of form capture (`capture.inputs`). */
export interface InputOptions {
  /** Also emit `form:submit` when a form is submitted. @default true */
  forms?: boolean;
}

/** A form field, or an editing host (`contenteditable`): the visitor types into both. */
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLElement;

/** Longest value sent; the `length` field still tells the real length. */
const MAX_VALUE_LENGTH = 256;

/** Input types that are buttons, not values. */
const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image']);

function asField(element: Element | null): Field | null {
  if (!element) return null;
  const tag = element.localName;
  if (tag === 'input' || tag === 'select' || tag === 'textarea') return element as Field;
  // Rich-text editors: focus and blur land on the editing host.
  return holdsTypedText(element) ? (element as HTMLElement) : null;
}

function fieldTypeOf(field: Field): string {
  if (field.localName === 'textarea') return 'textarea';
  if (field.localName === 'select')
    return (field as HTMLSelectElement).multiple ? 'select-multiple' : 'select';
  if (field.localName !== 'input') return 'contenteditable';
  return ((field as HTMLInputElement).type || 'text').toLowerCase();
}

/**
 * Password, hidden and card fields are never recorded, whatever the options: `isNeverCaptured`
 * reads the field's own attributes and no option changes its answer.
 */
function neverCaptured(field: Field, ctx: CaptureContext): boolean {
  return ctx.privacy.isNeverCaptured(field) || ctx.privacy.isBlocked(field);
}

function rawValueOf(field: Field): string {
  if (field.localName === 'select') {
    const select = field as HTMLSelectElement;
    return Array.from(select.options)
      .filter((option) => option.selected)
      .map((option) => option.value)
      .join(',');
  }
  const type = fieldTypeOf(field);
  if (type === 'checkbox' || type === 'radio') return String((field as HTMLInputElement).checked);
  return type === 'contenteditable' ? (field.textContent ?? '') : (field as HTMLInputElement).value;
}

/**
 * Committed form values (`input`, on `change` and on `blur` when the value changed, never per
 * keystroke; editable regions count as fields) and form submissions (`form:submit`). Values are masked unless the privacy rules
 * unmask the field; masked checkboxes and radios send an empty value, since `true`/`false`
 * masked would still give the state away by its length.
 */
function captureInputs(ctx: CaptureContext, options: Required<InputOptions>): () => void {
  const { document: doc, privacy } = ctx;
  /** The value each field had when it was focused or last reported. */
  const seen = new WeakMap<Element, string>();
  const reported = new WeakMap<Element, string>();

  const report = (field: Field) => {
    if (neverCaptured(field, ctx)) return;
    const raw = rawValueOf(field);
    if (reported.get(field) === raw) return;
    reported.set(field, raw);
    seen.set(field, raw);
    const fieldType = fieldTypeOf(field);
    const masked = privacy.isInputMasked(field);
    const checkable = fieldType === 'checkbox' || fieldType === 'radio';
    let value: string;
    if (masked) value = checkable ? '' : privacy.maskText(raw);
    else value = checkable ? raw : privacy.scrubText(raw);
    ctx.emit({
      type: 'input',
      target: describeField(field, privacy),
      fieldType,
      value: value.slice(0, MAX_VALUE_LENGTH),
      length: masked && checkable ? 0 : raw.length,
    });
  };

  const stops = [
    listen(ctx, doc, 'change', (event) => {
      const field = asField(elementOf(event.target));
      if (field) report(field);
    }),
    listen(ctx, doc, 'focusin', (event) => {
      const field = asField(elementOf(event.target));
      if (field && !neverCaptured(field, ctx)) seen.set(field, rawValueOf(field));
    }),
    listen(ctx, doc, 'focusout', (event) => {
      // Some widgets set values from script, which fires no `change`: catch those when the field is left.
      const field = asField(elementOf(event.target));
      if (!field || !seen.has(field) || neverCaptured(field, ctx)) return;
      if (seen.get(field) !== rawValueOf(field)) report(field);
    }),
  ];

  if (options.forms) {
    stops.push(
      listen(ctx, doc, 'submit', (event) => {
        const form = elementOf(event.target);
        if (form?.localName !== 'form' || privacy.isBlocked(form)) return;
        const fieldCount = Array.from((form as HTMLFormElement).elements).filter((element) => {
          const field = asField(element);
          if (!field) return false;
          const type = fieldTypeOf(field);
          return type !== 'hidden' && !BUTTON_TYPES.has(type);
        }).length;
        ctx.emit({ type: 'form:submit', target: describeTarget(form, privacy), fieldCount });
      }),
    );
  }

  return () => stopAll(ctx, stops);
}

/** Committed form values and submissions (`capture.inputs`). */
export const inputs: SourceDefinition<InputOptions> = {
  shape: { forms: isBoolean },
  defaults: { forms: true },
  start: captureInputs,
};
