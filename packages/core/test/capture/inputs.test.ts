import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureHandle } from '../../src/capture';
import type { PrivacyOptions } from '../../src/privacy';
import { createTestContext, resetPage, startOnly } from './helpers';

let handle: CaptureHandle | undefined;

beforeEach(resetPage);

afterEach(() => {
  handle?.stop();
  handle = undefined;
  resetPage();
});

function commit(field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value?: string): void {
  if (value !== undefined) field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

function start(html: string, privacy: PrivacyOptions = {}) {
  document.body.innerHTML = html;
  const test = createTestContext(privacy);
  handle = startOnly(test.ctx, { inputs: true });
  return test;
}

describe('inputs', () => {
  it.each([
    [
      'a text field, masked by default',
      '<input id="f" name="city">',
      {},
      'Lyon 2',
      { value: '**** *', length: 6 },
    ],
    [
      'an unmasked text field, scrubbed',
      '<input id="f" data-spoor-unmask>',
      {},
      'mail ada@example.com',
      { value: 'mail [email]', length: 20 },
    ],
    [
      'a text field with maskAllInputs off',
      '<input id="f">',
      { maskAllInputs: false },
      'Lyon',
      { value: 'Lyon', length: 4 },
    ],
    [
      'a field under data-spoor-mask, even with maskAllInputs off',
      '<div data-spoor-mask><input id="f"></div>',
      { maskAllInputs: false },
      'Lyon',
      { value: '****', length: 4 },
    ],
    [
      'an e-mail field, masked even when unmasked',
      '<input id="f" type="email" data-spoor-unmask>',
      {},
      'a@b.co',
      { value: '******', length: 6 },
    ],
    [
      'a textarea',
      '<textarea id="f"></textarea>',
      { maskAllInputs: false },
      'hello',
      { value: 'hello', length: 5 },
    ],
    [
      'a select',
      '<select id="f"><option value="fr">France</option><option value="de">Germany</option></select>',
      { maskAllInputs: false },
      'de',
      { value: 'de', length: 2 },
    ],
    [
      'a masked select',
      '<select id="f"><option value="fr">France</option><option value="de">Germany</option></select>',
      {},
      'de',
      { value: '**', length: 2 },
    ],
  ])('records %s', (_name, html, privacy, typed, expected) => {
    const { events } = start(html, privacy);
    commit(document.getElementById('f') as HTMLInputElement, typed);
    expect(events).toEqual([
      {
        type: 'input',
        target: expect.objectContaining({ selector: '#f' }),
        fieldType: expect.any(String),
        ...expected,
      },
    ]);
  });

  it.each([
    ['a password field', '<input id="f" type="password" data-spoor-unmask>'],
    ['a hidden field', '<input id="f" type="hidden">'],
    ['a card number field', '<input id="f" autocomplete="cc-number" data-spoor-unmask>'],
    ['a card security code named cvv', '<input id="f" name="cvv">'],
    ['a blocked field', '<div data-spoor-block><input id="f"></div>'],
  ])('never records anything about %s, whatever the options', (_name, html) => {
    const { events } = start(`<form>${html}</form>`, { maskAllInputs: false });
    const field = document.getElementById('f') as HTMLInputElement;
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    commit(field, 'hunter2');
    field.value = 'hunter3';
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(events).toEqual([]);
  });

  it('records checkboxes and radios as their checked state, or an empty value when masked', () => {
    const { events } = start(
      '<input id="a" type="checkbox" data-spoor-unmask><input id="b" type="radio" value="yes">',
    );
    const box = document.getElementById('a') as HTMLInputElement;
    const radio = document.getElementById('b') as HTMLInputElement;
    box.checked = true;
    commit(box);
    radio.checked = true;
    commit(radio);
    expect(
      events.map((event) => event.type === 'input' && [event.fieldType, event.value, event.length]),
    ).toEqual([
      ['checkbox', 'true', 4],
      ['radio', '', 0],
    ]);
  });

  it('never records per keystroke, only the committed value', () => {
    const { events } = start('<input id="f">', { maskAllInputs: false });
    const field = document.getElementById('f') as HTMLInputElement;
    for (const value of ['L', 'Ly', 'Lyo', 'Lyon']) {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    expect(events).toEqual([]);
    commit(field);
    expect(events.map((event) => event.type === 'input' && event.value)).toEqual(['Lyon']);
  });

  it('records a value set without a change event when the field is left, and only once', () => {
    const { events } = start('<input id="f">', { maskAllInputs: false });
    const field = document.getElementById('f') as HTMLInputElement;
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    field.value = 'picked';
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    commit(field, 'typed');
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(events.map((event) => event.type === 'input' && event.value)).toEqual(['picked', 'typed']);
  });

  it.each([
    ['masked by default', '<div id="f" contenteditable></div>', 'Ada Lovelace', '*** ********'],
    [
      'scrubbed when opted back in',
      '<div id="f" contenteditable data-spoor-unmask></div>',
      'ada@example.com',
      '[email]',
    ],
  ])('records an editable region as a field when it is left: %s', (_name, html, typed, expected) => {
    const { events } = start(html);
    const editor = document.getElementById('f')!;
    editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    editor.innerHTML = `<p>${typed}</p>`;
    editor.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(events).toEqual([
      {
        type: 'input',
        target: { selector: '#f', tag: 'div', text: expected },
        fieldType: 'contenteditable',
        value: expected,
        length: typed.length,
      },
    ]);
  });

  it('names the field by its label while its value stays masked', () => {
    const { events } = start(
      '<label for="f">Full name</label><input id="f"><label data-spoor-mask>Ada Lovelace <input id="g"></label>',
    );
    commit(document.getElementById('f') as HTMLInputElement, 'Ada');
    commit(document.getElementById('g') as HTMLInputElement, 'Ada');
    expect(events).toEqual([
      {
        type: 'input',
        target: { selector: '#f', tag: 'input', label: 'Full name' },
        fieldType: 'text',
        value: '***',
        length: 3,
      },
      {
        type: 'input',
        target: { selector: '#g', tag: 'input', label: '*** ********' },
        fieldType: 'text',
        value: '***',
        length: 3,
      },
    ]);
  });

  it('records form submissions with the number of fields a visitor can fill', () => {
    const { events } = start(
      '<form id="signup"><input name="a"><input type="email"><input type="password"><input type="hidden">' +
        '<select><option>x</option></select><textarea></textarea><button>Send</button><input type="submit"></form>',
    );
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(events).toEqual([
      { type: 'form:submit', target: { selector: '#signup', tag: 'form' }, fieldCount: 5 },
    ]);
  });

  it('skips form submissions when forms is off and emits nothing after stop', () => {
    document.body.innerHTML = '<form><input id="f"></form>';
    const { ctx, events } = createTestContext();
    const capture = startOnly(ctx, { inputs: { forms: false } });
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(events).toEqual([]);
    capture.stop();
    commit(document.getElementById('f') as HTMLInputElement, 'late');
    expect(events).toEqual([]);
  });
});
