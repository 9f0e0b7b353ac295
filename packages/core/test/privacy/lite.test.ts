import { describe, expect, it } from 'vitest';
import { createLitePrivacy } from '../../src/privacy/lite';

const privacy = createLitePrivacy();

describe('createLitePrivacy', () => {
  it.each([
    ['write to ada@example.com', 'write to [email]'],
    ['ada%40example.com', '[email]'],
    ['card 4242 4242 4242 4242 ok', 'card [card] ok'],
    ['card 4242-4242-4242-4242', 'card [card]'],
    ['call +44 20 7946 0958', 'call [phone]'],
    ['call (555) 123-4567 now', 'call [phone] now'],
    ['order 12345 of 2026', 'order 12345 of 2026'],
    ['Pricing', 'Pricing'],
  ])('scrubs %j', (input, expected) => {
    expect(privacy.scrubText(input)).toBe(expected);
  });

  it.each([
    ['/search?q=shoes&page=2', {}, '/search?q=[redacted]&page=[redacted]'],
    ['/search?q=shoes&page=2', { allowQueryParams: ['page'] }, '/search?q=[redacted]&page=2'],
    [
      'https://user:pw@example.com/a?token=x#access_token=y',
      {},
      'https://[redacted]@example.com/a?token=[redacted]#access_token=[redacted]',
    ],
    ['/users/ada@example.com/profile#section', {}, '/users/[email]/profile#section'],
    ['/plain', {}, '/plain'],
  ])('redacts %j', (input, options, expected) => {
    expect(createLitePrivacy(options).redactUrl(input)).toBe(expected);
  });

  it('keeps only the scheme of non-web links', () => {
    expect(privacy.redactLink('mailto:ada@example.com')).toBe('mailto:');
    expect(privacy.redactLink('/next?ref=mail')).toBe('/next?ref=[redacted]');
  });

  it('scrubs every string of a value, deep', () => {
    expect(privacy.scrubValue({ a: 'ada@example.com', b: [1, 'x', { c: '+1 555 123 4567' }] })).toEqual({
      a: '[email]',
      b: [1, 'x', { c: '[phone]' }],
    });
  });

  it('masks element text and form values, and leaves blocked elements out', () => {
    document.body.innerHTML =
      '<p id="p">Hello Ada</p><div data-spoor-block><b id="b">secret</b></div><input id="pw" type="password">';
    const get = (id: string) => document.getElementById(id)!;
    expect(privacy.safeText(get('p'))).toBe('***** ***');
    expect(privacy.isBlocked(get('b'))).toBe(true);
    expect(privacy.safeText(get('b'))).toBe('');
    expect(privacy.isTextMasked(get('p'))).toBe(true);
    expect(privacy.textMaskedPass()(get('p'))).toBe(true);
    expect(privacy.isInputMasked(get('pw'))).toBe(true);
    expect(privacy.isNeverCaptured(get('pw'))).toBe(true);
    expect(privacy.maskText('ab c')).toBe('** *');
  });
});
