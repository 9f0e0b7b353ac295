import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureHandle } from '../../src/capture';
import { createTestContext, resetPage, setVisibility, startOnly } from './helpers';

let handle: CaptureHandle | undefined;

beforeEach(resetPage);

afterEach(() => {
  handle?.stop();
  handle = undefined;
  resetPage();
});

function throwError(
  message: string,
  error: unknown = new Error(message),
  filename = 'https://app.example/main.js',
): void {
  window.dispatchEvent(new ErrorEvent('error', { message, error, filename, lineno: 12, colno: 34 }));
}

function reject(reason: unknown): void {
  // happy-dom has no PromiseRejectionEvent: build one with the same fields.
  window.dispatchEvent(
    Object.assign(new Event('unhandledrejection'), { promise: Promise.resolve(), reason }),
  );
}

describe('errors', () => {
  it('records uncaught errors with a scrubbed message and a redacted source, without the stack by default', () => {
    const { ctx, events } = createTestContext();
    handle = startOnly(ctx, { errors: true });
    throwError('User ada@example.com not found', new Error('x'), 'https://app.example/main.js?token=abc');
    expect(events).toEqual([
      {
        type: 'error',
        kind: 'error',
        message: 'User [email] not found',
        source: 'https://app.example/main.js?token=[redacted]',
        line: 12,
        col: 34,
      },
    ]);
  });

  it('records unhandled rejections, and the scrubbed stack when captureErrorStack is on', () => {
    const { ctx, ofType } = createTestContext({ captureErrorStack: true });
    handle = startOnly(ctx, { errors: true });
    const error = new TypeError('card 4242 4242 4242 4242 declined');
    error.stack = 'TypeError: card 4242 4242 4242 4242 declined\n    at pay (https://app.example/pay.js:1:2)';
    reject(error);
    reject('plain string reason');
    reject({ code: 42 });
    expect(ofType('error')).toEqual([
      {
        type: 'error',
        kind: 'rejection',
        message: 'TypeError: card [card] declined',
        stack: 'TypeError: card [card] declined\n    at pay (https://app.example/pay.js:1:2)',
        source: '',
        line: 0,
        col: 0,
      },
      { type: 'error', kind: 'rejection', message: 'plain string reason', source: '', line: 0, col: 0 },
      { type: 'error', kind: 'rejection', message: '{"code":42}', source: '', line: 0, col: 0 },
    ]);
  });

  it('caps long messages at 500 characters', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { errors: true });
    throwError('x'.repeat(2_000));
    expect(ofType('error')[0]?.message).toHaveLength(500);
  });

  it('sends the same error at most maxPerMessage times per page view', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true, errors: { maxPerMessage: 3 } });
    for (let i = 0; i < 20; i++) throwError('loop failed');
    throwError('other failure');
    history.pushState({}, '', '/next');
    for (let i = 0; i < 20; i++) throwError('loop failed');
    expect(ofType('error').map((error) => error.message)).toEqual([
      ...Array(3).fill('loop failed'),
      'other failure',
      ...Array(3).fill('loop failed'),
    ]);
  });

  it('emits nothing after stop', () => {
    const { ctx, events } = createTestContext();
    const capture = startOnly(ctx, { errors: true });
    capture.stop();
    throwError('late');
    reject(new Error('late'));
    expect(events).toEqual([]);
  });
});

describe('visibility', () => {
  it('records the tab being hidden and shown, once per change', () => {
    const { ctx, events } = createTestContext();
    const capture = startOnly(ctx, { visibility: true });
    setVisibility('hidden');
    setVisibility('hidden');
    setVisibility('visible');
    capture.stop();
    setVisibility('hidden');
    expect(events).toEqual([
      { type: 'visibility', state: 'hidden' },
      { type: 'visibility', state: 'visible' },
    ]);
  });
});
