import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryTransport, createTracker, type Tracker, type TrackerEvent } from '../../src/index';
import { resetPage } from './helpers';

const trackers: Tracker[] = [];

function setup(capture: { pageViews?: boolean } = {}) {
  const transport = createMemoryTransport();
  const tracker = createTracker({
    transport,
    session: { storage: 'memory' },
    capture: { pointer: false, scroll: false, clicks: { rage: false, dead: false }, ...capture },
  });
  trackers.push(tracker);
  const seen: TrackerEvent[] = [];
  tracker.on('*', (event) => seen.push(event));
  tracker.start();
  return { tracker, transport, seen };
}

function click(element: Element): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
}

/** Keeps the thread busy, as a page's own click handler can. */
function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

const clicksIn = (events: readonly TrackerEvent[]) => events.filter((event) => event.type === 'click');

beforeEach(resetPage);

afterEach(() => {
  for (const tracker of trackers.splice(0)) tracker.destroy();
  resetPage();
});

describe('clicks described after the next paint', () => {
  it('are not built inside the click handler, and carry the time and address of the click', async () => {
    document.body.innerHTML = '<button id="go">Go</button>';
    const { seen } = setup();
    const before = Date.now();
    click(document.getElementById('go')!);
    const after = Date.now();
    expect(clicksIn(seen)).toEqual([]);
    // The page moves on (a router changing the URL without a page view, slow work) before the paint.
    history.replaceState(null, '', '/elsewhere');
    busyFor(30);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [event] = clicksIn(seen);
    expect(event?.target).toMatchObject({ selector: '#go', text: 'Go' });
    expect(event?.ts).toBeGreaterThanOrEqual(before);
    expect(event?.ts).toBeLessThanOrEqual(after);
    expect(new URL(event?.url ?? '').pathname).toBe('/');
  });

  it('come before the events the page emits right after the click, in sequence order', () => {
    document.body.innerHTML = '<a id="next" href="/next">Next</a>';
    const link = document.getElementById('next')!;
    const { tracker, seen } = setup();
    link.addEventListener('click', (event) => {
      event.preventDefault();
      tracker.track('link_followed');
      history.pushState({}, '', '/next');
    });
    click(link);
    const types = seen.filter((event) => event.seq >= 0).map((event) => event.type);
    expect(types.slice(-5)).toEqual(['page:view', 'click', 'custom', 'page:leave', 'page:view']);
    const seqs = seen.filter((event) => event.seq >= 0).map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('are delivered when the page is left right after the click', async () => {
    document.body.innerHTML = '<a id="away" href="/away">Away</a>';
    const { transport } = setup();
    click(document.getElementById('away')!);
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const types = transport.events.map((event) => event.type);
    expect(types).toContain('click');
    expect(types.indexOf('click')).toBeLessThan(types.indexOf('page:leave'));
  });

  it('are delivered when the page is left or hidden right after the click, without page views', async () => {
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button>';
    const { seen } = setup({ pageViews: false });
    click(document.getElementById('a')!);
    window.dispatchEvent(new Event('pagehide'));
    // Delivery's exit flush runs after capture's listener: the click is already queued for it.
    expect(clicksIn(seen)).toHaveLength(1);
    click(document.getElementById('b')!);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(clicksIn(seen).map((event) => event.target.selector)).toEqual(['#a', '#b']);
  });

  it('mask the text of a target the page removed before the paint', async () => {
    document.body.innerHTML = '<div data-spoor-mask><button id="del">Delete Ada</button></div>';
    const button = document.getElementById('del')!;
    // Removed on its own, the button no longer has the masked ancestor when it is described.
    button.addEventListener('click', () => button.remove());
    const { tracker, transport } = setup();
    click(button);
    await tracker.flush();
    const [event] = clicksIn(transport.events);
    expect(event?.target.text).toBe('****** ***');
    expect(JSON.stringify(event)).not.toContain('Ada');
  });
});
