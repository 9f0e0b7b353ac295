import type { PrivacyOptions } from '@spoor/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.browser.newPage();
  await page.goto(`${harness.url}/blank.html`);
});

afterAll(async () => {
  await harness?.close();
});

/** Records a page body with the default recorder and returns the recorded events as JSON. */
async function recordBody(html: string, privacy: PrivacyOptions = {}, blockMedia = false) {
  const result = await page.evaluate(
    async ({ html, privacy, blockMedia }) => {
      const api = (window as unknown as { SpoorTest: typeof import('./fixtures/record-entry') }).SpoorTest;
      document.body.innerHTML = html;
      const events: Array<{ type: number }> = [];
      const errors: string[] = [];
      try {
        let snapshotTaken = () => {};
        const snapshot = new Promise<void>((resolve) => {
          snapshotTaken = resolve;
        });
        const recording = api.createRrwebRecorder().start({
          window,
          document,
          privacy: api.createPrivacy(privacy),
          blockMedia,
          emit: (event) => {
            events.push(event);
            if (event.type === 2) snapshotTaken();
          },
          reportError: (error) => errors.push(String(error)),
        });
        // rrweb is loaded on demand: the full snapshot follows once it has arrived.
        await snapshot;
        recording.stop();
      } catch (error) {
        return { data: '', errors, thrown: String(error) };
      }
      return { data: JSON.stringify(events), errors, thrown: null };
    },
    { html, privacy, blockMedia },
  );
  return result;
}

describe('createRrwebRecorder privacy mapping', () => {
  it.each([
    ['text is scrubbed', '<p>Mail ada@example.com</p>', {}, ['Mail [email]'], ['ada@example.com']],
    ['masked text', '<p data-spoor-mask>Secret Name</p>', {}, ['****** ****'], ['Secret Name']],
    [
      'maskSelector',
      '<p class="acct">Secret Name</p>',
      { maskSelector: '.acct' },
      ['****** ****'],
      ['Secret'],
    ],
    ['maskAllText', '<p>Visible</p>', { maskAllText: true }, ['*******'], ['Visible']],
    [
      'unmask inside maskAllText',
      '<p data-spoor-unmask>Visible</p>',
      { maskAllText: true },
      ['Visible'],
      ['*******'],
    ],
    ['blocked subtree', '<div data-spoor-block><p>Hidden</p></div>', {}, ['rr_width'], ['Hidden']],
    [
      'blockSelector',
      '<div class="ad"><p>Hidden</p></div>',
      { blockSelector: '.ad' },
      ['rr_width'],
      ['Hidden'],
    ],
    ['input value masked', '<input value="Grace">', {}, ['*****'], ['Grace']],
    ['unmasked input scrubbed', '<input data-spoor-unmask value="a@b.io">', {}, ['[email]'], ['a@b.io']],
    [
      'password never recorded',
      '<input data-spoor-unmask type="password" value="hunter2">',
      {},
      [],
      ['hunter2'],
    ],
    ['title scrubbed', '<span title="Call +1 415 555 0132">x</span>', {}, ['Call [phone]'], ['555 0132']],
    ['placeholder masked', '<input data-spoor-mask placeholder="Jane">', {}, ['****'], ['Jane']],
    ['aria-label masked', '<div data-spoor-mask><b aria-label="Jane Doe">x</b></div>', {}, [], ['Jane Doe']],
    ['URL redacted', '<a href="/r?token=abc123secret">r</a>', {}, ['[redacted]'], ['abc123secret']],
    ['srcset redacted', '<img alt="" srcset="/a.png?api_key=k123456 2x">', {}, [' 2x'], ['k123456']],
  ] as const)('%s', async (_name, html, privacy, present, absent) => {
    const { data, errors, thrown } = await recordBody(html, privacy);
    expect(thrown).toBeNull();
    for (const text of present) expect(data).toContain(text);
    for (const text of absent) expect(data).not.toContain(text);
    expect(errors).toEqual([]);
  });

  it('records media as blank boxes with blockMedia', async () => {
    const { data } = await recordBody(
      '<img alt="" src="/photo.png"><video src="/clip.mp4"></video>',
      {},
      true,
    );
    expect(data).toContain('rr_width');
    expect(data).not.toContain('photo.png');
    expect(data).not.toContain('clip.mp4');
  });

  it('never records script contents', async () => {
    // Scripts set through innerHTML stay in the DOM without running: the recorder must still skip them.
    const { data } = await recordBody('<script>window.secretValue = 42</script><p>ok</p>');
    expect(data).toContain('ok');
    expect(data).not.toContain('secretValue');
  });

  it('records nothing when stopped before rrweb has loaded', async () => {
    const result = await page.evaluate(async () => {
      const api = (window as unknown as { SpoorTest: typeof import('./fixtures/record-entry') }).SpoorTest;
      document.body.innerHTML = '<p>before</p>';
      const events: unknown[] = [];
      const errors: string[] = [];
      // A recorder that started anyway would observe the page (and leak) even with its events dropped.
      let observed = 0;
      const observe = MutationObserver.prototype.observe;
      MutationObserver.prototype.observe = function (...args) {
        observed += 1;
        return observe.apply(this, args);
      };
      const recording = api.createRrwebRecorder().start({
        window,
        document,
        privacy: api.createPrivacy({}),
        blockMedia: false,
        emit: (event) => events.push(event),
        reportError: (error) => errors.push(String(error)),
      });
      recording.takeFullSnapshot();
      recording.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      document.body.innerHTML = '<p>after</p>';
      await new Promise((resolve) => setTimeout(resolve, 200));
      MutationObserver.prototype.observe = observe;
      return { events: events.length, errors, observed };
    });
    expect(result).toEqual({ events: 0, errors: [], observed: 0 });
  });

  it('refuses to start with an invalid selector rather than record unmasked', async () => {
    const { thrown, data } = await recordBody('<p>x</p>', { maskSelector: '[[' });
    expect(thrown).toContain('SyntaxError');
    expect(data).toBe('');
  });
});
