import { afterEach, describe, expect, it } from 'vitest';
import {
  BLOCK_ATTRIBUTE,
  createPrivacy,
  MASK_ATTRIBUTE,
  type PrivacyOptions,
  UNMASK_ATTRIBUTE,
} from '../src/privacy';

afterEach(() => {
  document.body.innerHTML = '';
});

function fixture(html: string): (id: string) => Element {
  document.body.innerHTML = html;
  return (id) => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`no #${id} in fixture`);
    return element;
  };
}

describe('MASK_ATTRIBUTE, BLOCK_ATTRIBUTE, UNMASK_ATTRIBUTE', () => {
  it('are the documented data attributes', () => {
    expect([MASK_ATTRIBUTE, BLOCK_ATTRIBUTE, UNMASK_ATTRIBUTE]).toEqual([
      'data-spoor-mask',
      'data-spoor-block',
      'data-spoor-unmask',
    ]);
  });
});

describe('maskText', () => {
  it.each([
    ['Ada Lovelace', '*** ********'],
    ['  two\nlines\t', '  ***\n*****\t'],
    ['', ''],
    ['4111 1111 1111 1111', '**** **** **** ****'],
    ['naïve 😀', '***** *'],
  ])('masks %j as %j, keeping whitespace and length shape', (input, expected) => {
    expect(createPrivacy().maskText(input)).toBe(expected);
  });
});

// One row per masking rule: [rule, options, html, id, text masked?, input masked?, blocked?]
const maskingRows: Array<[string, PrivacyOptions, string, string, boolean, boolean, boolean]> = [
  ['plain text is not masked by default', {}, '<p id="t">Hello</p>', 't', false, true, false],
  ['maskAllText masks plain text', { maskAllText: true }, '<p id="t">Hi</p>', 't', true, true, false],
  ['inputs are masked by default', {}, '<input id="t" type="text">', 't', false, true, false],
  [
    'maskAllInputs: false unmasks ordinary inputs',
    { maskAllInputs: false },
    '<input id="t">',
    't',
    false,
    false,
    false,
  ],
  [
    'the mask attribute masks its subtree',
    { maskAllInputs: false },
    '<div data-spoor-mask><span id="t">x</span></div>',
    't',
    true,
    true,
    false,
  ],
  [
    'maskSelector masks',
    { maskSelector: '.private' },
    '<p class="private" id="t">x</p>',
    't',
    true,
    true,
    false,
  ],
  [
    'unmask inside mask unmasks (nearest ancestor wins)',
    {},
    '<div data-spoor-mask><div data-spoor-unmask><input id="t"></div></div>',
    't',
    false,
    false,
    false,
  ],
  [
    'mask inside unmask masks (nearest ancestor wins)',
    { maskAllInputs: false },
    '<div data-spoor-unmask><p data-spoor-mask><input id="t"></p></div>',
    't',
    true,
    true,
    false,
  ],
  [
    'unmask overrides maskAllText',
    { maskAllText: true },
    '<p data-spoor-unmask id="t">x</p>',
    't',
    false,
    false,
    false,
  ],
  [
    'unmaskSelector unmasks like the attribute',
    { maskAllText: true, unmaskSelector: '.public' },
    '<p class="public"><b id="t">x</b></p>',
    't',
    false,
    false,
    false,
  ],
  [
    'mask and unmask on one element: mask wins',
    {},
    '<p data-spoor-mask data-spoor-unmask id="t">x</p>',
    't',
    true,
    true,
    false,
  ],
  ['the block attribute blocks', {}, '<div data-spoor-block><p id="t">x</p></div>', 't', true, true, true],
  [
    'blockSelector blocks',
    { blockSelector: '#secret' },
    '<div id="secret"><p id="t">x</p></div>',
    't',
    true,
    true,
    true,
  ],
  [
    'unmask cannot undo a block',
    {},
    '<div data-spoor-block><div data-spoor-unmask><input id="t"></div></div>',
    't',
    true,
    true,
    true,
  ],
  [
    'an invalid maskSelector masks everything',
    { maskSelector: '[[' },
    '<p id="t">x</p>',
    't',
    true,
    true,
    false,
  ],
  [
    'an invalid blockSelector blocks everything',
    { blockSelector: '((' },
    '<p id="t">x</p>',
    't',
    true,
    true,
    true,
  ],
  [
    'an invalid unmaskSelector unmasks nothing',
    { unmaskSelector: '((' },
    '<input id="t" class="x">',
    't',
    false,
    true,
    false,
  ],
  [
    'e-mail inputs stay masked inside unmask',
    { maskAllInputs: false },
    '<div data-spoor-unmask><input id="t" type="email"></div>',
    't',
    false,
    true,
    false,
  ],
  [
    'tel inputs stay masked with maskAllInputs: false',
    { maskAllInputs: false },
    '<input id="t" type="tel">',
    't',
    false,
    true,
    false,
  ],
  [
    'personal autocomplete (name) stays masked',
    { maskAllInputs: false },
    '<input id="t" autocomplete="given-name">',
    't',
    false,
    true,
    false,
  ],
  [
    'a search field is unmasked with maskAllInputs: false',
    { maskAllInputs: false },
    '<input id="t" type="search" autocomplete="off">',
    't',
    false,
    false,
    false,
  ],
];

describe('isTextMasked, isInputMasked and isBlocked', () => {
  it.each(maskingRows)('%s', (_rule, options, html, id, textMasked, inputMasked, blocked) => {
    const privacy = createPrivacy(options);
    const element = fixture(html)(id);
    expect(privacy.isTextMasked(element)).toBe(textMasked);
    expect(privacy.isInputMasked(element)).toBe(inputMasked);
    expect(privacy.isBlocked(element)).toBe(blocked);
  });
});

describe('textMaskedPass', () => {
  // A tree where masking, unmasking and blocking nest every way, by attribute and by selector.
  const tree = `
    <main id="root">
      <p>plain <b>bold</b></p>
      <section data-spoor-mask><p>masked <span data-spoor-unmask>back in <i data-spoor-mask>out again</i></span></p>
        <div class="private"><em>by selector</em><u data-spoor-unmask class="private">both on one</u></div>
      </section>
      <article class="open"><p>unmasked by selector <span class="private">masked again</span></p></article>
      <aside data-spoor-block><p>blocked <span data-spoor-unmask>still blocked</span></p></aside>
      <nav class="hide"><a href="/x">blocked by selector</a></nav>
      <div data-spoor-mask data-spoor-unmask><span>mask wins on one element</span></div>
    </main>`;
  const optionSets: Array<[string, PrivacyOptions]> = [
    ['defaults', {}],
    ['maskAllText', { maskAllText: true }],
    ['user selectors', { maskSelector: '.private', unmaskSelector: '.open', blockSelector: '.hide' }],
    [
      'user selectors with maskAllText',
      { maskAllText: true, maskSelector: '.private', unmaskSelector: '.open' },
    ],
    ['broken user selectors fail safe', { maskSelector: '[[', unmaskSelector: '((', blockSelector: '))' }],
  ];

  it.each(optionSets)('decides every element as isTextMasked does: %s', (_name, options) => {
    document.body.innerHTML = tree;
    const privacy = createPrivacy(options);
    const pass = privacy.textMaskedPass();
    // Asked leaves first and then roots, so cached ancestors serve later answers.
    const elements = [...document.body.querySelectorAll('*')].reverse();
    for (const element of [...elements, ...elements]) {
      expect([element.outerHTML.slice(0, 60), pass(element)]).toEqual([
        element.outerHTML.slice(0, 60),
        privacy.isTextMasked(element),
      ]);
    }
  });
});

const neverCapturedRows: Array<[string, string, boolean]> = [
  ['type=password', '<input id="t" type="password">', true],
  ['type=PASSWORD (any case)', '<input id="t" type="PASSWORD">', true],
  ['type=hidden', '<input id="t" type="hidden" value="csrf">', true],
  ['autocomplete=cc-number', '<input id="t" autocomplete="cc-number">', true],
  ['autocomplete=cc-csc', '<input id="t" autocomplete="cc-csc">', true],
  [
    'autocomplete with a section: billing cc-exp',
    '<input id="t" autocomplete="section-a billing cc-exp">',
    true,
  ],
  ['a select of cc-exp-month', '<select id="t" autocomplete="cc-exp-month"></select>', true],
  ['autocomplete=current-password on a text field', '<input id="t" autocomplete="current-password">', true],
  ['autocomplete=one-time-code', '<input id="t" autocomplete="one-time-code">', true],
  ['name=cardnumber', '<input id="t" name="cardnumber">', true],
  ['name=card-number', '<input id="t" name="card-number">', true],
  ['id=cvv', '<input id="cvv">', true],
  ['name=user_password', '<input id="t" name="user_password">', true],
  ['a plain text field', '<input id="t" name="city">', false],
  ['a password field that is unmasked', '<div data-spoor-unmask><input id="t" type="password"></div>', true],
  ['a paragraph', '<p id="t">password</p>', false],
];

describe('isNeverCaptured', () => {
  it.each(neverCapturedRows)('%s → %s', (_rule, html, expected) => {
    const element = fixture(html)(html.includes('id="cvv"') ? 'cvv' : 't');
    expect(createPrivacy({ maskAllInputs: false }).isNeverCaptured(element)).toBe(expected);
    if (expected) expect(createPrivacy({ maskAllInputs: false }).isInputMasked(element)).toBe(true);
  });
});

// [rule, input, expected]
const scrubRows: Array<[string, string, string]> = [
  ['e-mail', 'Write to ada.lovelace+news@example.co.uk today', 'Write to [email] today'],
  ['url-encoded e-mail', 'u=ada%40example.com', 'u=[email]'],
  ['not an e-mail: a handle', 'follow @spoor on the web', 'follow @spoor on the web'],
  ['Visa, spaced', 'card 4111 1111 1111 1111 ok', 'card [card] ok'],
  ['Visa, dashed', '4242-4242-4242-4242', '[card]'],
  ['Visa, run together', 'pay 4111111111111111', 'pay [card]'],
  ['Amex 4-6-5', '3782 822463 10005', '[card]'],
  ['Luhn-invalid 16 digits survive', 'ref 4111 1111 1111 1112', 'ref 4111 1111 1111 1112'],
  [
    'Luhn-invalid order number survives',
    'Order #1234567812345678 shipped',
    'Order #1234567812345678 shipped',
  ],
  ['international phone', 'Call +1 (555) 123-4567 now', 'Call [phone] now'],
  ['international phone, UK', 'Tel. +44 20 7946 0958.', 'Tel. [phone].'],
  ['international phone, run together', '+4915112345678', '[phone]'],
  ['00 prefix', '0049 30 1234567', '[phone]'],
  ['North American national', 'call (555) 123-4567', 'call [phone]'],
  ['North American dashed', '555-123-4567', '[phone]'],
  ['French national', 'Appelez le 06 12 34 56 78', 'Appelez le [phone]'],
  ['German national', '030 1234567', '[phone]'],
  ['UK national', '020 7946 0958', '[phone]'],
  ['price survives', 'Total: €1,299.00 (incl. 19% VAT)', 'Total: €1,299.00 (incl. 19% VAT)'],
  ['dollar price survives', '$12,345.67', '$12,345.67'],
  ['year and count survive', 'In 2024 we shipped 1,234,567 parcels', 'In 2024 we shipped 1,234,567 parcels'],
  ['order number survives', 'Order #100234567 confirmed', 'Order #100234567 confirmed'],
  ['date survives', 'due 01.02.2024 12:00', 'due 01.02.2024 12:00'],
  ['ISO date survives', '2024-01-15T10:00:00Z', '2024-01-15T10:00:00Z'],
  ['postcode survives', 'Berlin 10115', 'Berlin 10115'],
  ['short signed number survives', 'score +12 points', 'score +12 points'],
  ['IBAN, grouped', 'IBAN: DE89 3704 0044 0532 0130 00.', 'IBAN: [iban].'],
  ['IBAN, compact', 'GB82WEST12345698765432', '[iban]'],
  ['IBAN with a bad checksum survives', 'DE00 3704 0044 0532 0130 00', 'DE00 3704 0044 0532 0130 00'],
  [
    'JWT',
    'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    'Bearer [jwt]',
  ],
  ['Stripe-style key', 'key sk_live_51H8abcDEF123ghiJKL456', 'key [secret]'],
  ['GitHub token', 'ghp_1234567890abcdefghijABCDEFGHIJ123456', '[secret]'],
  ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE', '[secret]'],
  ['32+ hex secret', 'sig=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', 'sig=[secret]'],
  ['base64 secret', 'x 3q2+7w8vK9LmN0pQrStUvWxYz1A2B3C4D5E6F7G8 y', 'x [secret] y'],
  ['UUIDs survive', 'id 123e4567-e89b-12d3-a456-426614174000', 'id 123e4567-e89b-12d3-a456-426614174000'],
  [
    'long slugs survive',
    'how-to-choose-running-shoes-for-beginners-2024',
    'how-to-choose-running-shoes-for-beginners-2024',
  ],
  [
    'camelCase identifiers survive',
    'getUserProfileSettingsForAccount2024',
    'getUserProfileSettingsForAccount2024',
  ],
  ['plain words survive', 'Add to basket', 'Add to basket'],
];

describe('scrubText', () => {
  it.each(scrubRows)('%s', (_rule, input, expected) => {
    expect(createPrivacy().scrubText(input)).toBe(expected);
  });
});

// [rule, options, input, expected]
const urlRows: Array<[string, PrivacyOptions, string, string]> = [
  [
    'denylisted token',
    {},
    'https://shop.test/a?token=abc123&lang=en',
    'https://shop.test/a?token=[redacted]&lang=en',
  ],
  [
    'case-insensitive names',
    {},
    '/a?Access_Token=x&PASSWORD=y',
    '/a?Access_Token=[redacted]&PASSWORD=[redacted]',
  ],
  [
    'names containing token/secret',
    {},
    '/a?csrf_token=1&client_secret=2',
    '/a?csrf_token=[redacted]&client_secret=[redacted]',
  ],
  [
    'the default denylist',
    {},
    '/cb?code=1&state=s&sig=2&sid=3&otp=4&ssn=5&api_key=6&key=7&auth=8',
    '/cb?code=[redacted]&state=s&sig=[redacted]&sid=[redacted]&otp=[redacted]&ssn=[redacted]&api_key=[redacted]&key=[redacted]&auth=[redacted]',
  ],
  ['email param', {}, '/u?email=ada%40example.com&page=2', '/u?email=[redacted]&page=2'],
  [
    'redactQueryParams adds names',
    { redactQueryParams: ['Invite'] },
    '/j?invite=xyz&ref=tw',
    '/j?invite=[redacted]&ref=tw',
  ],
  [
    'allowlist mode redacts everything else',
    { allowQueryParams: ['page', 'utm_source'] },
    '/s?page=2&q=shoes&utm_source=news',
    '/s?page=2&q=[redacted]&utm_source=news',
  ],
  [
    'allowed values are still scrubbed',
    { allowQueryParams: ['q'] },
    '/s?q=ada%40example.com',
    '/s?q=[email]',
  ],
  ['other values are scrubbed', {}, '/s?q=call+555-123-4567', '/s?q=call+[phone]'],
  [
    'access_token fragment',
    {},
    'https://app.test/cb#access_token=abc.def&token_type=bearer&expires_in=3600',
    'https://app.test/cb#access_token=[redacted]&token_type=[redacted]&expires_in=3600',
  ],
  ['id_token fragment', {}, '/cb#id_token=eyJabc&state=1', '/cb#id_token=[redacted]&state=1'],
  ['hash-router query', {}, '/#/reset?token=abc', '/#/reset?token=[redacted]'],
  ['plain anchors survive', {}, '/docs#installation', '/docs#installation'],
  ['e-mail in the path', {}, '/users/ada@example.com/orders', '/users/[email]/orders'],
  ['encoded e-mail in the path', {}, '/users/ada%40example.com', '/users/[email]'],
  ['credentials in the authority', {}, 'https://bob:hunter2@shop.test/', 'https://[redacted]@shop.test/'],
  ['relative URLs stay relative', {}, 'shop?token=a', 'shop?token=[redacted]'],
  ['protocol-relative URLs keep their host', {}, '//cdn.test/x?sig=1', '//cdn.test/x?sig=[redacted]'],
  [
    'ordinary URLs are untouched',
    {},
    'https://shop.test/p/42?color=red&size=9',
    'https://shop.test/p/42?color=red&size=9',
  ],
  ['empty values and bare flags survive', {}, '/a?token=&debug', '/a?token=&debug'],
  ['malformed encoding does not throw', {}, '/a?token=%E0%A4%A&x=%', '/a?token=[redacted]&x=%'],
  ['empty string', {}, '', ''],
];

describe('redactUrl', () => {
  it.each(urlRows)('%s', (_rule, options, input, expected) => {
    expect(createPrivacy(options).redactUrl(input)).toBe(expected);
  });

  it('never throws on non-string input', () => {
    expect(createPrivacy().redactUrl(undefined as unknown as string)).toBe('');
  });
});

describe('scrubValue', () => {
  it('deep-copies and scrubs every string, leaving other values alone', () => {
    const input = {
      note: 'mail ada@example.com',
      count: 3,
      ok: true,
      none: null,
      list: ['4111 1111 1111 1111', 7, { phone: '+44 20 7946 0958' }],
      nested: { password: 'hunter2', plan: 'pro' },
    };
    const output = createPrivacy().scrubValue(input);
    expect(output).toEqual({
      note: 'mail [email]',
      count: 3,
      ok: true,
      none: null,
      list: ['[card]', 7, { phone: '[redacted]' }],
      nested: { password: '[redacted]', plan: 'pro' },
    });
    expect(output).not.toBe(input);
    expect(output.list).not.toBe(input.list);
    expect(input.note).toBe('mail ada@example.com');
  });

  it('copes with cycles', () => {
    const input: { self?: unknown; text: string } = { text: 'x@example.com' };
    input.self = input;
    const output = createPrivacy().scrubValue(input);
    expect(output.text).toBe('[email]');
    expect(output.self).toBe(output);
  });
});

// [rule, options, html, expected]
const safeTextRows: Array<[string, PrivacyOptions, string, string]> = [
  ['collapses whitespace', {}, '<button id="t">  Buy\n   now </button>', 'Buy now'],
  [
    'scrubs personal data',
    {},
    '<a id="t">Mail ada@example.com or +1 555 123 4567</a>',
    'Mail [email] or [phone]',
  ],
  ['finds patterns split across elements', {}, '<a id="t"><b>ada</b>@example.com</a>', '[email]'],
  ['masks a masked element', {}, '<p id="t" data-spoor-mask>Ada Lovelace</p>', '*** ********'],
  ['masks a masked descendant', {}, '<p id="t">Hi <span data-spoor-mask>Ada</span>!</p>', 'Hi ***!'],
  ['drops a blocked descendant', {}, '<p id="t">Hi <span data-spoor-block>Ada</span>!</p>', 'Hi !'],
  ['returns nothing for a blocked element', {}, '<p id="t" data-spoor-block>Ada</p>', ''],
  [
    'unmasks a descendant under maskAllText',
    { maskAllText: true },
    '<p id="t">Ab <b data-spoor-unmask>Cd</b></p>',
    '** Cd',
  ],
  ['skips script and style', {}, '<div id="t">A<script>var s=1</script><style>p{}</style>B</div>', 'AB'],
];

describe('safeText', () => {
  it.each(safeTextRows)('%s', (_rule, options, html, expected) => {
    expect(createPrivacy(options).safeText(fixture(html)('t'))).toBe(expected);
  });

  it('caps the text at maxLength (100 by default)', () => {
    const get = fixture(`<p id="t">${'word '.repeat(100)}</p>`);
    expect(createPrivacy().safeText(get('t'))).toHaveLength(100);
    expect(createPrivacy().safeText(get('t'), 12)).toBe('word word wo');
  });
});

describe('createPrivacy', () => {
  it('exposes the options with their defaults', () => {
    expect(createPrivacy().options).toMatchObject({
      maskAllInputs: true,
      maskAllText: false,
      captureErrorStack: false,
    });
  });
});
