import { afterEach, describe, expect, it } from 'vitest';
import { consentControls, privacyMarkProps, setPrivacyMark, trackClicks } from '../../src/index';
import { clearCookies, destroyTrackers, setup } from '../helpers';

afterEach(() => {
  destroyTrackers();
  clearCookies();
});

describe('setPrivacyMark and privacyMarkProps', () => {
  it.each([
    ['mask', undefined, 'data-spoor-mask', true],
    ['mask', true, 'data-spoor-mask', true],
    ['mask', false, 'data-spoor-mask', false],
    ['block', undefined, 'data-spoor-block', true],
    ['block', false, 'data-spoor-block', false],
  ] as const)('%s with %s sets %s: %s', (mark, enabled, attribute, present) => {
    const element = document.createElement('div');
    element.setAttribute(attribute, '');
    setPrivacyMark(element, mark, enabled);
    expect(element.hasAttribute(attribute)).toBe(present);
    expect(attribute in privacyMarkProps(mark, enabled)).toBe(present);
  });
});

describe('trackClicks', () => {
  it('records a custom event per click with the latest binding, until destroyed', () => {
    const { tracker, ofType } = setup();
    tracker.start();
    const button = document.createElement('button');
    const tracking = trackClicks(button, tracker, 'ping');
    button.click();
    tracking.update({ name: 'add_to_cart', props: { sku: 'a' } });
    button.click();
    tracking.destroy();
    button.click();
    expect(ofType('custom').map((event) => [event.name, event.props])).toEqual([
      ['ping', {}],
      ['add_to_cart', { sku: 'a' }],
    ]);
  });
});

describe('consentControls', () => {
  it('hands out the mode and detached grant and deny', () => {
    const { tracker } = setup({ consent: { mode: 'opt-in' } });
    const { mode, grant, deny } = consentControls(tracker);
    expect(mode).toBe('opt-in');
    grant();
    expect(tracker.consent.state).toBe('granted');
    deny();
    expect(tracker.consent.state).toBe('denied');
  });
});
