import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureHandle } from '../../src/capture';
import { createTestContext, resetPage, startOnly } from './helpers';

let handle: CaptureHandle | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  resetPage();
});

afterEach(() => {
  handle?.stop();
  handle = undefined;
  vi.useRealTimers();
  resetPage();
});

function click(element: Element, clientX = 10, clientY = 10): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX, clientY }));
}

function placeAt(element: Element, left: number, top: number, width: number, height: number): void {
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: left, y: top, width, height }),
  );
}

describe('clicks', () => {
  it('records page position, viewport size, the interactive target and where inside it the click landed', () => {
    document.body.innerHTML = '<button id="buy"><span>Buy now</span></button>';
    const button = document.querySelector('button')!;
    placeAt(button, 100, 50, 200, 40);
    window.scrollTo(0, 300);
    const { ctx, events } = createTestContext();
    handle = startOnly(ctx, { clicks: true });
    click(document.querySelector('span')!, 150, 60);
    expect(events).toEqual([]);
    // Described after the next paint, out of the visitor's way.
    vi.advanceTimersByTime(0);
    expect(events).toEqual([
      {
        type: 'click',
        x: 150,
        y: 360,
        vw: window.innerWidth,
        vh: window.innerHeight,
        target: { selector: '#buy', tag: 'button', text: 'Buy now' },
        rx: 0.25,
        ry: 0.25,
      },
    ]);
  });

  it('records nothing for clicks on or inside blocked elements', () => {
    document.body.innerHTML =
      '<div data-spoor-block><button>Secret</button></div><div class="card"><a href="/x">Card</a></div>';
    const { ctx, events } = createTestContext({ blockSelector: '.card' });
    handle = startOnly(ctx, { clicks: true });
    const button = document.querySelector('button')!;
    for (let i = 0; i < 4; i++) click(button);
    click(document.querySelector('a')!);
    vi.advanceTimersByTime(5_000);
    expect(events).toEqual([]);
  });

  it('emits one click:rage with the count for a burst of clicks in the same spot', () => {
    document.body.innerHTML = '<button id="pay">Pay</button>';
    const button = document.querySelector('button')!;
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { clicks: { dead: false } });
    for (let i = 0; i < 5; i++) {
      click(button, 100 + i * 3, 100);
      vi.advanceTimersByTime(150);
    }
    expect(ofType('click:rage')).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(ofType('click')).toHaveLength(5);
    expect(ofType('click:rage')).toEqual([
      { type: 'click:rage', target: { selector: '#pay', tag: 'button', text: 'Pay' }, count: 5 },
    ]);
  });

  it('does not call slow clicks, far-apart clicks or double clicks rage', () => {
    document.body.innerHTML = '<button>Next</button>';
    const button = document.querySelector('button')!;
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { clicks: { dead: false } });
    click(button, 10, 10);
    click(button, 10, 10);
    vi.advanceTimersByTime(1_500);
    for (let i = 0; i < 3; i++) click(button, 10 + i * 40, 10);
    vi.advanceTimersByTime(1_500);
    for (let i = 0; i < 3; i++) {
      click(button, 10, 10);
      vi.advanceTimersByTime(600);
    }
    vi.advanceTimersByTime(1_500);
    expect(ofType('click')).toHaveLength(8);
    expect(ofType('click:rage')).toEqual([]);
  });

  it('emits the pending rage click when the page is hidden for good', () => {
    document.body.innerHTML = '<button>Pay</button>';
    const button = document.querySelector('button')!;
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { clicks: { dead: false } });
    for (let i = 0; i < 3; i++) click(button);
    window.dispatchEvent(new Event('pagehide'));
    expect(ofType('click:rage').map((rage) => rage.count)).toEqual([3]);
  });

  it('emits click:dead when a click on a button changes nothing within 1 s', () => {
    document.body.innerHTML = '<button id="noop">Does nothing</button>';
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { clicks: { rage: false } });
    click(document.querySelector('button')!);
    vi.advanceTimersByTime(999);
    expect(ofType('click:dead')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ofType('click:dead')).toEqual([
      { type: 'click:dead', target: { selector: '#noop', tag: 'button', text: 'Does nothing' } },
    ]);
  });

  it('does not call a click dead when the DOM changes, the page scrolls or the URL changes', async () => {
    document.body.innerHTML =
      '<button id="open">Open</button><button id="down">Down</button><a id="go" href="/next">Go</a><div id="out"></div>';
    document.getElementById('open')!.addEventListener('click', () => {
      queueMicrotask(() => document.getElementById('out')!.append('opened'));
    });
    document.getElementById('down')!.addEventListener('click', () => {
      setTimeout(() => window.dispatchEvent(new Event('scroll')), 300);
    });
    document.getElementById('go')!.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState({}, '', '/next');
    });
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { clicks: { rage: false } });
    for (const id of ['open', 'down', 'go']) {
      click(document.getElementById(id)!);
      await vi.advanceTimersByTimeAsync(1_500);
    }
    expect(ofType('click')).toHaveLength(3);
    expect(ofType('click:dead')).toEqual([]);
  });

  it('judges each click of a sequence on its own: changed, dead, scrolled, dead', async () => {
    document.body.innerHTML = '<button id="toggle">Toggle</button><div id="out"></div>';
    const button = document.getElementById('toggle')!;
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { clicks: { rage: false } });
    const after = [
      () => document.getElementById('out')!.append('changed'),
      () => {},
      () => window.dispatchEvent(new Event('scroll')),
      () => {},
    ];
    for (const effect of after) {
      click(button);
      effect();
      await vi.advanceTimersByTimeAsync(1_500);
    }
    expect(ofType('click')).toHaveLength(4);
    expect(ofType('click:dead')).toHaveLength(2);
  });

  it('does not watch form fields, labels or plain text for dead clicks', () => {
    document.body.innerHTML =
      '<label>Name <input name="n"></label><input type="checkbox"><p>Just text</p><a href="/f" target="_blank">New tab</a>';
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { clicks: { rage: false } });
    document.querySelector('a')!.addEventListener('click', (event) => event.preventDefault());
    for (const element of document.body.querySelectorAll('label, input, p, a')) click(element);
    vi.advanceTimersByTime(2_000);
    // Five clicks, plus the one the label forwards to its input.
    expect(ofType('click')).toHaveLength(6);
    expect(ofType('click:dead')).toEqual([]);
  });

  it('emits nothing after stop', () => {
    document.body.innerHTML = '<button>Go</button>';
    const button = document.querySelector('button')!;
    const { ctx, events } = createTestContext();
    const capture = startOnly(ctx, { clicks: true });
    click(button);
    capture.stop();
    const count = events.length;
    click(button);
    vi.advanceTimersByTime(5_000);
    expect(events).toHaveLength(count);
    expect(events.map((event) => event.type)).toEqual(['click']);
  });
});
