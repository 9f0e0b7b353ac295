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
