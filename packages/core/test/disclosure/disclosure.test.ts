import { disclosureToHtml, disclosureToMarkdown } from '@spoor/core/disclosure';
import { describe, expect, it } from 'vitest';
import { createHttpTransport, createTracker } from '../../src/index';

const http = createHttpTransport({
  url: 'https://collect.example/v1/collect',
  fetch: async () => new Response(),
});

describe('(await tracker.disclosure())', async () => {
  it('describes the default configuration', async () => {
    const d = await createTracker({ transport: http }).disclosure();
    expect(d.consent).toMatchObject({ mode: 'opt-out', honoursBrowserSignals: true });
    expect(d.events.map((e) => e.type)).toEqual([
      'session:start',
      'session:end',
      'page:view',
      'page:leave',
      'click',
      'click:rage',
      'click:dead',
      'pointer:move',
      'scroll',
      'input',
      'form:submit',
      'visibility',
      'error',
      'custom',
      'identify',
    ]);
    expect(d.storage.map((s) => [s.name, s.kind])).toEqual([
      ['spoor_sid', 'cookie'],
      ['spoor_consent', 'cookie'],
      ['spoor_tab, spoor_seq, spoor_visit', 'sessionStorage'],
      ['spoor_vid', 'cookie'],
      ['spoor-delivery', 'IndexedDB'],
      ['spoor-delivery:*', 'localStorage'],
    ]);
    expect(d.storage.find((s) => s.name === 'spoor_vid')?.lifetime).toContain('395 days');
    expect(d.storage[0]?.lifetime).toBe('30 minutes after the last activity, 1 day at most');
    expect(d.endpoints).toEqual([{ transport: 'http', url: 'https://collect.example/v1/collect' }]);
    expect(d.protections).toContain('form field values are masked (replaced with *)');
    expect(d.commonFields).toContain('visitorId');
  });

  it('follows the options: sources off, opt-in, no visitor id, custom names and rules', async () => {
    const d = await createTracker({
      transport: http,
      capture: { pointer: false, inputs: false, clicks: false },
      consent: { mode: 'opt-in', respectGlobalPrivacyControl: false },
      visitor: { enabled: false },
      session: { storage: 'localStorage', cookieName: 'sid' },
      privacy: { maskSelector: '.account', redactQueryParams: ['invite'], captureErrorStack: true },
      delivery: { persist: false },
    }).disclosure();
    const types = d.events.map((e) => e.type);
    expect(types).not.toContain('pointer:move');
    expect(types).not.toContain('input');
    expect(types).not.toContain('click');
    expect(types).toContain('page:view');
    expect(d.consent.summary).toContain('Nothing is stored or sent until the visitor agrees.');
    expect(d.consent.summary).not.toContain('Global Privacy Control');
    expect(d.storage.map((s) => s.name)).toEqual([
      'sid',
      'spoor_consent',
      'spoor_tab, spoor_seq, spoor_visit',
    ]);
    expect(d.storage[0]?.kind).toBe('localStorage');
    expect(d.commonFields).not.toContain('visitorId');
    expect(d.protections).toContain('text and values under .account are masked');
    expect(d.protections).toContain('these query parameters are removed: invite');
    expect(d.protections).not.toContain('error stack traces are not sent');
  });

  it('works on the server, before start and after destroy, and stores nothing', async () => {
    const tracker = createTracker({ consent: { mode: 'opt-in' } });
    expect((await tracker.disclosure()).endpoints).toEqual([]);
    tracker.destroy();
    expect((await tracker.disclosure()).events.length).toBeGreaterThan(0);
    expect(document.cookie).toBe('');
  });
});

const hostile = await createTracker({
  transport: { name: '<img src=x onerror=alert(1)>', send: async () => ({ status: 'ok' }) },
  privacy: { maskSelector: '.a > b' },
}).disclosure();

describe('disclosure formatters', () => {
  it('renders Markdown with headings, a table per list of events and storage, and escapes values', async () => {
    const md = disclosureToMarkdown(hostile);
    expect(md).toContain('### What is recorded');
    expect(md).toContain('| Event | When | Fields |');
    expect(md).toMatch(/\| click \| a click \| x, y, /);
    expect(md).toContain('| spoor\\_vid | cookie |');
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('.a \\> b');
  });

  it('renders HTML with every value escaped', async () => {
    const html = disclosureToHtml(hostile);
    expect(html).toContain('<h3>Consent</h3>');
    expect(html).toContain('<td>page:view</td>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelectorAll('table')).toHaveLength(2);
  });
});

describe('event fields', () => {
  it('names the target of clicks and inputs and keeps other fields whole', async () => {
    const events = (await createTracker().disclosure()).events;
    const input = events.find((e) => e.type === 'input');
    expect(input?.fields).toEqual([
      'fieldType',
      'value (masked unless allowed)',
      'length',
      'target (selector, tag, masked text, link)',
    ]);
    expect(events.find((e) => e.type === 'click:dead')?.fields).toEqual([
      'target (selector, tag, masked text, link)',
    ]);
  });
});
