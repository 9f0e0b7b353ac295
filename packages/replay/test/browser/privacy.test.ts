import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredEvents, type Harness, startHarness, waitForFullSnapshot } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** Personal data planted in the page, in the URL, typed by the visitor or added later. */
const PLANTED = [
  'ada.lovelace',
  '4242 4242 4242 4242',
  '4242424242424242',
  '555-0132',
  '(415)',
  'Hunter2Secret',
  'Grace',
  'Hopper',
  'grace.masked',
  'typed.email',
  'RESETTOKEN987654',
  'APIKEY5551234',
  'URLTOKEN777',
  'Margaret',
  'Hamilton',
  'BLOCKEDSECRET',
  'late.mutation',
  '5555 5555 5555 4444',
  'eyJhbGciOiJIUzI1NiJ9',
];

describe('createReplayPlugin (privacy)', () => {
  it('keeps personal data planted in the page out of the replay data', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}/privacy.html?access_token=URLTOKEN777&tab=profile`);
    await waitForFullSnapshot(page);

    await page.click('#name');
    await page.keyboard.type('Grace Hopper');
    await page.click('#password');
    await page.keyboard.type('Hunter2Secret!');
    await page.click('#comment');
    await page.keyboard.type('write to typed.email@example.net');
    // Leaving the field commits its value.
    await page.click('h1');
    await page.evaluate(() => {
      const late = document.createElement('p');
      late.textContent =
        'Late: late.mutation@example.org, token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
      late.title = 'card 5555 5555 5555 4444';
      document.body.append(late);
      document.getElementById('contact')!.setAttribute('aria-label', 'Reach ada.lovelace@example.com');
      document.getElementById('card')!.textContent = '5555 5555 5555 4444';
      document.getElementById('reset')!.setAttribute('href', '/reset?token=RESETTOKEN987654&step=2');
    });
    await page.waitForTimeout(500);

    const events = await deliveredEvents(page);
    await page.close();

    const replay = events.filter((event) => event.type === 'replay' || event.type === 'replay:paused');
    const data = JSON.stringify(replay);
    // The recording worked: the page's ordinary text and the visitor's typing are in it.
    expect(replay.some((event) => event.full === true)).toBe(true);
    expect(data).toContain('Reset password');
    expect(data).toContain('write to [email]');
    expect(data).toContain('Late: [email]');
    for (const secret of PLANTED) expect(data, secret).not.toContain(secret);
  });

  it('masks text in an element masked after it was first recorded', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}/privacy.html`);
    await waitForFullSnapshot(page);
    // Recorded unmasked first, in a mutation of its own.
    await page.evaluate(() => {
      const section = document.createElement('section');
      section.id = 'later';
      section.innerHTML = '<p id="later-p">Plain words here</p>';
      document.body.append(section);
    });
    await page.waitForTimeout(100);
    // Then masked: its changed text and a new child must be masked in what follows.
    await page.evaluate(() => {
      document.getElementById('later')!.setAttribute('data-spoor-mask', '');
      document.getElementById('later-p')!.textContent = 'Katherine Johnson';
      const span = document.createElement('span');
      span.textContent = 'Dorothy Vaughan';
      document.getElementById('later')!.append(span);
    });
    await page.waitForTimeout(500);

    const events = await deliveredEvents(page);
    await page.close();

    const data = JSON.stringify(events.filter((event) => event.type === 'replay'));
    expect(data).toContain('Plain words here');
    expect(data).toContain('********* *******');
    for (const name of ['Katherine', 'Johnson', 'Dorothy', 'Vaughan']) expect(data, name).not.toContain(name);
  });
});
