import { describe, expect, it } from 'vitest';
import { createUrlRules } from '../../src/privacy/url';

const isSensitive = (name: string) => /token|email/.test(name);

describe('redactUrl', () => {
  const rows: Array<[string, string[] | undefined, string, string]> = [
    ['keeps a plain path', undefined, '/shop/shoes', '/shop/shoes'],
    ['redacts sensitive parameters', undefined, '/r?token=abc&lang=en', '/r?token=[redacted]&lang=en'],
    ['scrubs personal data in values', undefined, '/r?to=ada%40example.com', '/r?to=[email]'],
    ['redacts credentials in the authority', undefined, 'https://u:p@x.io/', 'https://[redacted]@x.io/'],
    ['allowlist keeps only listed names', ['lang'], '/r?lang=en&q=shoes', '/r?lang=en&q=[redacted]'],
    ['fragment parameters use the denylist', ['lang'], '/r#token=abc&a=b', '/r#token=[redacted]&a=b'],
    ['hash routes keep their path', undefined, '/#/orders?token=x', '/#/orders?token=[redacted]'],
  ];
  it.each(rows)('%s', (_name, allow, input, expected) => {
    expect(createUrlRules(isSensitive, allow && new Set(allow)).redactUrl(input)).toBe(expected);
  });
});

describe('redactLink', () => {
  const rows: Array<[string, string[] | undefined, string, string]> = [
    ['mailto keeps only its scheme', undefined, 'mailto:ada@example.com?subject=Hi', 'mailto:'],
    ['tel keeps only its scheme', undefined, 'tel:+442079460958', 'tel:'],
    ['sms keeps only its scheme', undefined, 'SMS:+442079460958?body=hi', 'sms:'],
    ['javascript keeps only its scheme', undefined, 'javascript:void(0)', 'javascript:'],
    [
      'every query value is redacted',
      undefined,
      '/s?q=ada+lovelace&page=2',
      '/s?q=[redacted]&page=[redacted]',
    ],
    ['a bare query word is redacted', undefined, 'https://x.io/s?ada', 'https://x.io/s?[redacted]'],
    ['allowed names keep their value', ['page'], '/s?q=ada&page=2', '/s?q=[redacted]&page=2'],
    ['fragment parameters are redacted too', undefined, '/s#q=ada', '/s#q=[redacted]'],
    ['a plain anchor stays', undefined, '/docs#install', '/docs#install'],
    [
      'a path keeps its shape, scrubbed',
      undefined,
      'https://x.io/u/ada@example.com',
      'https://x.io/u/[email]',
    ],
  ];
  it.each(rows)('%s', (_name, allow, input, expected) => {
    expect(createUrlRules(isSensitive, allow && new Set(allow)).redactLink(input)).toBe(expected);
  });
});
