import { afterEach, describe, expect, it } from 'vitest';
import { reportFrameworkError } from '../../src/index';
import { clearCookies, destroyTrackers, NO_CAPTURE, setup } from '../helpers';

afterEach(() => {
  destroyTrackers();
  clearCookies();
});

describe('reportFrameworkError', () => {
  it('records a caught error like an uncaught one: named, scrubbed, without a stack by default', () => {
    const { tracker, ofType } = setup({ capture: { ...NO_CAPTURE, errors: true } });
    tracker.start();
    reportFrameworkError(new TypeError('no account for jane@example.com'));
    expect(ofType('error').map(({ kind, message, stack }) => ({ kind, message, stack }))).toEqual([
      { kind: 'error', message: 'TypeError: no account for [email]', stack: undefined },
    ]);
  });

  it('records nothing when error capture is off or consent is pending', () => {
    const off = setup();
    off.tracker.start();
    const pending = setup({ capture: { ...NO_CAPTURE, errors: true }, consent: { mode: 'opt-in' } });
    pending.tracker.start();
    reportFrameworkError(new Error('boom'));
    expect([...off.ofType('error'), ...pending.ofType('error')]).toEqual([]);
  });

  it('is not seen by other tools as an uncaught error, and never throws into the caller', () => {
    const { tracker, ofType } = setup({ capture: { ...NO_CAPTURE, errors: true } });
    tracker.start();
    const others: unknown[] = [];
    const other = (event: Event) => others.push(event);
    window.addEventListener('error', other);
    expect(() => reportFrameworkError('plain string')).not.toThrow();
    window.removeEventListener('error', other);
    expect(others).toEqual([]);
    expect(ofType('error').map((e) => e.message)).toEqual(['plain string']);
  });
});

describe('reportFrameworkError, seen by two hooks', () => {
  it('records the same error object once', () => {
    const { tracker, ofType } = setup({ capture: { ...NO_CAPTURE, errors: true } });
    tracker.start();
    const error = new Error('boom');
    reportFrameworkError(error);
    reportFrameworkError(error);
    reportFrameworkError(new Error('boom'));
    expect(ofType('error')).toHaveLength(2);
  });
});
