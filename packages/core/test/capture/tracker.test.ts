import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMemoryTransport,
  createTracker,
  isSpoorError,
  type Tracker,
  type TrackerOptions,
} from '../../src/index';
import { resetPage } from './helpers';

const trackers: Tracker[] = [];

function setup(options: TrackerOptions = {}) {
  const transport = createMemoryTransport();
  const tracker = createTracker({ transport, session: { storage: 'memory' }, ...options });
  trackers.push(tracker);
  return { tracker, transport };
}

function click(element: Element): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
}

beforeEach(resetPage);

afterEach(() => {
  for (const tracker of trackers.splice(0)) tracker.destroy();
  resetPage();
});

describe('capture through createTracker', () => {
  it('delivers page views, page leaves and clicks with the page id of the page they happened on', async () => {
    document.body.innerHTML = '<a id="next" href="/next">Next</a>';
    document.querySelector('a')!.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState({}, '', '/next?token=s3cr3t');
    });
    const { tracker, transport } = setup({ capture: { pointer: false, scroll: false } });
    tracker.start();
    click(document.querySelector('a')!);
    click(document.body);
    tracker.stop();
    await tracker.flush();

    const events = transport.events.filter((event) => event.type !== 'session:start');
    expect(events.map((event) => event.type)).toEqual([
      'page:view',
      'click',
      'page:leave',
      'page:view',
      'click',
      'page:leave',
    ]);
    const [firstView, firstClick, firstLeave, secondView, secondClick, secondLeave] = events;
    expect(firstClick?.pageId).toBe(firstView?.pageId);
    expect(firstLeave?.pageId).toBe(firstView?.pageId);
    expect(secondView?.pageId).not.toBe(firstView?.pageId);
    expect(secondClick?.pageId).toBe(secondView?.pageId);
    expect(secondLeave?.pageId).toBe(secondView?.pageId);
    expect(secondView).toMatchObject({ path: '/next?token=[redacted]', navigation: 'push' });
    expect(firstClick).toMatchObject({ target: { selector: '#next', tag: 'a', text: 'Next' } });
  });

  it('rejects bad capture options when the tracker is created', () => {
    let thrown: unknown;
    try {
      createTracker({ capture: { pointer: { sampleMs: 'x' } } as never });
    } catch (error) {
      thrown = error;
    }
    expect(isSpoorError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'invalid-option', option: 'capture.pointer.sampleMs' });
  });

  it('records router page views through tracker.page() when automatic page views are off, once per URL', async () => {
    const { tracker, transport } = setup({ capture: { pageViews: false } });
    tracker.start();
    history.pushState({}, '', '/a');
    tracker.page();
    tracker.page();
    history.pushState({}, '', '/b');
    tracker.page();
    await tracker.flush();
    expect(transport.events.filter((event) => event.type === 'page:view').map((event) => event.path)).toEqual(
      ['/a', '/b'],
    );
  });

  it('captures nothing before consent in opt-in mode', async () => {
    document.body.innerHTML = '<button>Go</button>';
    const { tracker, transport } = setup({ consent: { mode: 'opt-in' } });
    tracker.start();
    click(document.querySelector('button')!);
    await tracker.flush();
    expect(transport.events).toEqual([]);
    tracker.consent.grant();
    click(document.querySelector('button')!);
    await tracker.flush();
    expect(transport.events.map((event) => event.type)).toEqual(['session:start', 'page:view', 'click']);
  });
});
