import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredEvents, type Harness, startHarness, waitForFullSnapshot } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/**
 * Personal data planted in every place a page holds it (fixtures/privacy-places.html), each marker
 * its own word so a failure names the place. Plain page text is not private by default and is
 * not planted; attribute text is planted as e-mail addresses, since attributes follow the rules
 * of text (scrubbed, or masked under a mask).
 */
const PLANTED: Array<[place: string, marker: string]> = [
  ['contenteditable, rendered', 'Edinitial'],
  ['contenteditable, typed', 'Edtyped'],
  ['contenteditable, pasted as text', 'Edpasted'],
  ['contenteditable, pasted as HTML', 'Edhtmlpaste'],
  ['contenteditable, pasted HTML title', 'pastetitle.leak'],
  ['contenteditable, pasted HTML data-*', 'pastedata.leak'],
  ['contenteditable, changed by script', 'Edscripted'],
  ['contenteditable, added after load', 'Edadded'],
  ['rich-text editor, rendered', 'Rteinitial'],
  ['rich-text editor, typed', 'Rtetyped'],
  ['rich-text editor, typed on a new line', 'Rtesecond'],
  ['rich-text editor, non-editable mention', 'Mentionisland'],
  ['rich-text editor, mention data-*', 'mention.leak'],
  ['textarea, rendered', 'Textareainitial'],
  ['textarea, typed', 'Textareatyped'],
  ['input text, rendered', 'Textinitial'],
  ['input text, typed', 'Texttyped'],
  ['input text, value attribute set by script', 'Textvalueattr'],
  ['input hidden, rendered', 'Hiddeninitial'],
  ['input hidden, value set by script', 'Hiddenscripted'],
  ['input hidden, added after load', 'Hiddenadded'],
  ['input password, rendered', 'Passwordinitial'],
  ['input password, typed', 'Passwordtyped'],
  ['input email, rendered', 'emailinitial.leak'],
  ['input email, typed', 'emailtyped.leak'],
  ['input tel, rendered', '7946 0123'],
  ['input tel, typed', '7946 0777'],
  ['input number, rendered', '8675309123'],
  ['input number, typed', '5550001234'],
  ['input date, rendered', '1987-06-05'],
  ['input date, typed', '2001-02-03'],
  ['input search, rendered', 'Searchinitial'],
  ['input search, typed', 'Searchtyped'],
  ['input url, rendered', 'urlinitial'],
  ['input url, typed', 'urltyped'],
  ['select, first option value', 'selectfirst.leak'],
  ['select, picked option value', 'selectpicked.leak'],
  ['data-* attribute', 'datacustomer.leak'],
  ['data-testid attribute', 'testid.leak'],
  ['title attribute', 'title.leak'],
  ['alt attribute', 'alt.leak'],
  ['aria-label attribute', 'aria.leak'],
  ['placeholder attribute', 'placeholder.leak'],
  ['value attribute of a button', 'buttonvalue.leak'],
  ['title attribute, changed after load', 'titlemut.leak'],
  ['data-* attribute, changed after load', 'datamut.leak'],
  ['alt attribute, changed after load', 'altmut.leak'],
  ['aria-label attribute, changed after load', 'ariamut.leak'],
  ['placeholder attribute, changed after load', 'placeholdermut.leak'],
  ['data-* attribute, added after load', 'dataadded.leak'],
  ['mailto: link', 'mailto.leak'],
  ['mailto: link subject', 'Mailtosubject'],
  ['tel: link', '2079460999'],
  ['sms: link', '2079460888'],
  ['sms: link body', 'Smsbodyword'],
  ['query string of a link', 'Querylinkword'],
  ['mailto: link, changed after load', 'mailtomut.leak'],
  ['query string of a link, changed after load', 'Querymutword'],
  ['shadow root: input', 'Shadowplaininput'],
  ['shadow root: input, typed', 'Shadowplaintyped'],
  ['shadow root: contenteditable', 'Shadowplainedit'],
  ['shadow root: contenteditable, typed', 'Shadowkeyed'],
  ['shadow root: title', 'Shadowplaintitle.leak'],
  ['shadow root: data-*', 'Shadowplaindata.leak'],
  ['shadow root: mailto: link', 'Shadowplainmailto.leak'],
  ['shadow root: title, changed after load', 'shadowmut.leak'],
  ['shadow root under a mask: text', 'Shadowmaskedtext'],
  ['shadow root under a mask: input', 'Shadowmaskedinput'],
  ['shadow root under a mask: contenteditable', 'Shadowmaskededit'],
  ['shadow root under a mask: title', 'Shadowmaskedtitle'],
  ['shadow root under a block: anything', 'Shadowblocked'],
  ['same-origin frame: input', 'Frameplaininput'],
  ['same-origin frame: input, typed', 'Frameplaintyped'],
  ['same-origin frame: contenteditable', 'Frameplainedit'],
  ['same-origin frame: contenteditable, typed', 'Framekeyed'],
  ['same-origin frame: title', 'Frameplaintitle.leak'],
  ['same-origin frame: data-*', 'Frameplaindata.leak'],
  ['same-origin frame: mailto: link', 'Frameplainmailto.leak'],
  ['same-origin frame under a mask: text', 'Framemaskedbody'],
  ['same-origin frame under a mask: input', 'Framemaskedinput'],
  ['same-origin frame under a mask: contenteditable', 'Framemaskededit'],
  ['same-origin frame under a mask: typed', 'Framemaskedtyped'],
  ['same-origin frame under a block: text', 'Frameblockedbody'],
  ['same-origin frame under a block: input', 'Frameblockedinput'],
];

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Visits the page as a visitor would, then changes it by script as an app would. */
async function visit(page: Page): Promise<void> {
  await typeInto(page, '#editable p', ' Edtyped words');
  await page.keyboard.insertText(' Edpasted words');
  await page.evaluate(() =>
    document.execCommand(
      'insertHTML',
      false,
      '<span title="By pastetitle.leak@example.com" data-from="pastedata.leak@example.com">Edhtmlpaste</span>',
    ),
  );
  await typeInto(page, '#rte strong', ' Rtetyped words');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Rtesecond line');
  await typeInto(page, '#textarea', ' Textareatyped');
  await typeInto(page, '#text', 'Texttyped');
  await typeInto(page, '#password', 'Passwordtyped');
  await page.fill('#email', 'emailtyped.leak@example.com');
  await page.fill('#tel', '+44 20 7946 0777');
  await page.fill('#number', '5550001234');
  await page.fill('#date', '2001-02-03');
  await page.fill('#search', 'Searchtyped');
  await page.fill('#url', 'https://urltyped.example/');
  await page.selectOption('#select', 'selectpicked.leak');
  await typeInto(page, '#shadow-plain .input', 'Shadowplaintyped');
  await typeInto(page, '#shadow-plain .editable', 'Shadowkeyed');
  await page.frameLocator('#frame-plain').locator('.input').click();
  await page.keyboard.type('Frameplaintyped');
  await page.frameLocator('#frame-plain').locator('.editable').click();
  await page.keyboard.type('Framekeyed');
  await page.frameLocator('#frame-masked').locator('.input').click();
  await page.keyboard.type('Framemaskedtyped');
  for (const selector of ['#mailto', '#tel-link', '#sms', '#query', '#titled', '#labelled', '#valued']) {
    await page.click(selector);
  }
  await page.click('#attrs .plain');
  await page.click('h1');

  await page.evaluate(() => {
    const byId = (id: string) => document.getElementById(id)!;
    byId('titled').setAttribute('title', 'Now by titlemut.leak@example.com');
    byId('attrs').setAttribute('data-customer', 'datamut.leak@example.com');
    byId('pic').setAttribute('alt', 'Portrait of altmut.leak@example.com');
    byId('labelled').setAttribute('aria-label', 'Call ariamut.leak@example.com');
    byId('placeholder').setAttribute('placeholder', 'placeholdermut.leak@example.com');
    byId('text').setAttribute('value', 'Textvalueattr');
    (byId('hidden') as HTMLInputElement).value = 'Hiddenscripted';
    byId('mailto').setAttribute('href', 'mailto:mailtomut.leak@example.com');
    byId('query').setAttribute('href', '/search?q=Querymutword');
    byId('editable').firstElementChild!.append(' Edscripted words');
    const added = document.createElement('div');
    added.innerHTML =
      '<p data-owner="dataadded.leak@example.com">Added</p><input type="hidden" value="Hiddenadded">' +
      '<div contenteditable="true">Edadded words</div>';
    document.body.append(added);
    const shadowSpan = byId('shadow-plain').shadowRoot!.querySelector('span')!;
    shadowSpan.setAttribute('title', 'shadowmut.leak@example.com');
  });
  await page.waitForTimeout(600);
}

describe('privacy at the source, with default options', () => {
  it('sends none of the personal data planted in every place a page holds it', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}/privacy-places.html`);
    await waitForFullSnapshot(page);
    // The frames are recorded once they have loaded.
    await page.waitForTimeout(300);
    await visit(page);
    const events = await deliveredEvents(page);
    await page.close();

    const sent = JSON.stringify(events);
    // The recording and the capture worked: plain text of the page, of a shadow root and of a
    // frame is there, and so are the visitor's interactions, masked.
    expect(events.some((event) => event.type === 'replay' && event.full === true)).toBe(true);
    for (const plain of ['Every place a page holds', 'Shadowplaintext words', 'Frameplainbody words']) {
      expect(sent, plain).toContain(plain);
    }
    const inputs = events.filter((event) => event.type === 'input');
    expect(inputs.map((event) => event.fieldType)).toContain('contenteditable');
    expect(inputs.map((event) => event.fieldType)).toContain('select');
    const hrefs = events.flatMap((event) =>
      event.type === 'click' ? [(event.target as { href?: string }).href] : [],
    );
    expect(hrefs).toEqual(expect.arrayContaining(['mailto:', 'tel:', 'sms:']));

    const leaked = PLANTED.filter(([, marker]) => sent.includes(marker)).map(
      ([place, marker]) => `${place} (${marker})`,
    );
    expect(leaked).toEqual([]);
  });
});
