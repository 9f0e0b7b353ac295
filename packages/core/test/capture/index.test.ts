import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCapture, validateCaptureOptions } from '../../src/capture';
import { SpoorError } from '../../src/errors';
import { createTestContext, resetPage, scrollPageTo, setVisibility } from './helpers';

beforeEach(() => {
  vi.useFakeTimers();
  resetPage();
});

afterEach(() => {
  vi.useRealTimers();
  resetPage();
});

describe('validateCaptureOptions', () => {
  it.each([
    [undefined],
    [{}],
    [{ pageViews: false, clicks: true, pointer: { sampleMs: 100, flushMs: 2_000, maxPoints: 20 } }],
    [
      {
        scroll: { throttleMs: 0 },
        inputs: { forms: false },
        errors: { maxPerMessage: 1 },
        visibility: false,
      },
    ],
    [{ pageViews: { hashChanges: false, idleMs: 60_000 }, clicks: { rage: false, dead: true } }],
  ])('accepts %j', (options) => {
    expect(() => validateCaptureOptions(options)).not.toThrow();
  });

  it.each([
    ['x', 'capture', 'capture must be an object, got "x"'],
    [
      { pointer: { sampleMs: 'x' } },
      'capture.pointer.sampleMs',
      'capture.pointer.sampleMs must be a positive number, got "x"',
    ],
    [
      { pointer: { sampleMs: 0 } },
      'capture.pointer.sampleMs',
      'capture.pointer.sampleMs must be a positive number, got 0',
    ],
    [
      { pointer: { maxPoints: 2.5 } },
      'capture.pointer.maxPoints',
      'capture.pointer.maxPoints must be a positive whole number, got 2.5',
    ],
    [
      { scroll: { throttleMs: -1 } },
      'capture.scroll.throttleMs',
      'capture.scroll.throttleMs must be a number of 0 or more, got -1',
    ],
    [
      { clicks: 'yes' },
      'capture.clicks',
      'capture.clicks must be true, false or an object of options, got "yes"',
    ],
    [{ visibility: {} }, 'capture.visibility', 'capture.visibility must be true or false, got an object'],
    [
      { pageViews: { hashChanges: 1 } },
      'capture.pageViews.hashChanges',
      'capture.pageViews.hashChanges must be true or false, got 1',
    ],
    [
      { click: true },
      'capture.click',
      'capture.click is not a capture option (expected one of: pageViews, visibility, clicks, pointer, scroll, inputs, errors)',
    ],
    [
      { clicks: { rageClicks: true } },
      'capture.clicks.rageClicks',
      'capture.clicks.rageClicks is not an option of capture.clicks (expected one of: rage, dead)',
    ],
  ])('rejects %j naming the option and what it accepts', (options, option, message) => {
    let thrown: unknown;
    try {
      validateCaptureOptions(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpoorError);
    expect(thrown).toMatchObject({ code: 'invalid-option', option, message: `[spoor] ${message}` });
  });
});

describe('startCapture', () => {
  it('starts every source by default, page views first', () => {
    document.body.innerHTML = '<button>Go</button>';
    const { ctx, types } = createTestContext();
    const capture = startCapture(ctx);
    document.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    setVisibility('hidden');
    capture.stop();
    expect(types()).toEqual(['page:view', 'click', 'page:leave', 'visibility']);
  });

  it('removes every listener it added, all of them passive, and emits nothing after stop', () => {
    const added: Array<[EventTarget, string, unknown, AddEventListenerOptions | undefined]> = [];
    const removed: Array<[EventTarget, string, unknown]> = [];
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        added.push([target, type, listener, options as AddEventListenerOptions]);
        add(type, listener, options);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
        removed.push([target, type, listener]);
        remove(type, listener, options);
      });
    }
    document.body.innerHTML = '<form><input id="f"><button id="b">Go</button></form>';
    const { ctx, events, errors } = createTestContext();
    const capture = startCapture(ctx);
    const button = document.getElementById('b')!;
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    capture.stop();
    capture.stop();

    expect(added.length).toBeGreaterThan(10);
    expect(added.every(([, , , options]) => options?.passive === true)).toBe(true);
    expect(removed.map(([target, type, listener]) => [target, type, listener])).toEqual(
      expect.arrayContaining(added.map(([target, type, listener]) => [target, type, listener])),
    );

    const count = events.length;
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 5, clientY: 5 }));
    scrollPageTo(100);
    const field = document.getElementById('f') as HTMLInputElement;
    field.value = 'x';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    setVisibility('hidden');
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new ErrorEvent('error', { message: 'late' }));
    history.pushState({}, '', '/late');
    vi.advanceTimersByTime(10_000);
    expect(events).toHaveLength(count);
    expect(errors).toEqual([]);
  });

  it('never throws into the page: failures inside handlers go to reportError', () => {
    document.body.innerHTML = '<button>Go</button>';
    const { ctx, errors } = createTestContext();
    const failing = {
      ...ctx,
      emit() {
        throw new Error('emit failed');
      },
    };
    const capture = startCapture(failing);
    expect(() => {
      document.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      history.pushState({}, '', '/next');
      capture.pageView();
      capture.stop();
    }).not.toThrow();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error instanceof Error && error.message === 'emit failed')).toBe(true);
    expect(location.pathname).toBe('/next');
  });
});
