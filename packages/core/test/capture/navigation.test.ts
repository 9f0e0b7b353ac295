import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureHandle } from '../../src/capture';
import {
  createTestContext,
  goBackTo,
  resetPage,
  scrollPageTo,
  setDocumentHeight,
  setVisibility,
  setWindowFocus,
  startOnly,
} from './helpers';

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

describe('page views', () => {
  it('records the first load with a redacted path, a scrubbed title and the referrer', () => {
    history.replaceState(null, '', '/account?token=abc123&tab=2#top');
    document.title = 'Inbox of ada@example.com';
    Object.defineProperty(document, 'referrer', {
      configurable: true,
      get: () => 'https://search.example/?q=spoor',
    });
    const { ctx, events } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    expect(events).toEqual([
      {
        type: 'page:view',
        path: '/account?token=[redacted]&tab=2#top',
        title: 'Inbox of [email]',
        referrer: 'https://search.example/?q=spoor',
        navigation: 'load',
      },
    ]);
  });

  it('records pushState, replaceState, popstate and hashchange navigations, with the previous URL as referrer', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    history.pushState({}, '', '/products');
    history.replaceState({}, '', '/products?sort=price');
    goBackTo('/');
    history.pushState({}, '', '/docs');
    location.hash = '#install';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(ofType('page:view').map(({ path, navigation, referrer }) => [navigation, path, referrer])).toEqual(
      [
        ['load', '/', ''],
        ['push', '/products', 'http://localhost:3000/'],
        ['replace', '/products?sort=price', 'http://localhost:3000/products'],
        ['pop', '/', 'http://localhost:3000/products?sort=price'],
        ['push', '/docs', 'http://localhost:3000/'],
        ['hash', '/docs#install', 'http://localhost:3000/docs'],
      ],
    );
  });

  it('names a popstate that only changed the fragment a hash navigation, and does not count its hashchange again', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    goBackTo('/#faq');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(ofType('page:view').map((view) => [view.navigation, view.path])).toEqual([
      ['load', '/'],
      ['hash', '/#faq'],
    ]);
  });

  it('does not count the same URL twice', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    history.pushState({}, '', '/a');
    history.pushState({ step: 2 }, '', '/a');
    history.replaceState({ step: 3 }, '', '/a');
    window.dispatchEvent(new PopStateEvent('popstate'));
    handle.pageView();
    expect(ofType('page:view').map((view) => view.path)).toEqual(['/', '/a']);
  });

  it('ignores fragment changes when hashChanges is off', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: { hashChanges: false } });
    history.pushState({}, '', '/#one');
    goBackTo('/#two');
    history.pushState({}, '', '/next#three');
    expect(ofType('page:view').map((view) => view.path)).toEqual(['/', '/next']);
  });

  it('records page views on demand when automatic page views are off', () => {
    const { ctx, events } = createTestContext();
    handle = startOnly(ctx, { pageViews: false });
    history.pushState({}, '', '/ignored');
    expect(events).toEqual([]);
    handle.pageView();
    history.pushState({}, '', '/routed');
    handle.pageView('replace');
    handle.pageView('replace');
    expect(events.map((event) => event.type === 'page:view' && [event.navigation, event.path])).toEqual([
      ['load', '/ignored'],
      false,
      ['replace', '/routed'],
    ]);
    expect(events[1]?.type).toBe('page:leave');
  });

  it('uses the Navigation API where the browser has it, leaving history alone', () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { configurable: true, value: navigation });
    const pushState = history.pushState;
    try {
      const { ctx, ofType } = createTestContext();
      handle = startOnly(ctx, { pageViews: true });
      expect(history.pushState).toBe(pushState);
      const navigate = (navigationType: string, hashChange = false) =>
        Object.assign(new Event('navigate'), { navigationType, hashChange });
      navigation.dispatchEvent(navigate('push'));
      history.pushState({}, '', '/spa');
      navigation.dispatchEvent(new Event('navigatesuccess'));
      navigation.dispatchEvent(navigate('traverse'));
      goBackTo('/');
      navigation.dispatchEvent(new Event('navigatesuccess'));
      navigation.dispatchEvent(navigate('push', true));
      location.hash = '#x';
      navigation.dispatchEvent(new Event('navigatesuccess'));
      navigation.dispatchEvent(navigate('reload'));
      navigation.dispatchEvent(new Event('navigatesuccess'));
      expect(ofType('page:view').map((view) => [view.navigation, view.path])).toEqual([
        ['load', '/'],
        ['push', '/spa'],
        ['pop', '/'],
        ['hash', '/#x'],
      ]);
    } finally {
      delete (window as unknown as { navigation?: unknown }).navigation;
    }
  });

  it('restores history on stop and emits nothing afterwards', () => {
    const pushState = history.pushState;
    const replaceState = history.replaceState;
    const { ctx, events } = createTestContext();
    const capture = startOnly(ctx, { pageViews: true });
    expect(history.pushState).not.toBe(pushState);
    capture.stop();
    expect(history.pushState).toBe(pushState);
    expect(history.replaceState).toBe(replaceState);
    const count = events.length;
    history.pushState({}, '', '/after');
    goBackTo('/');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    capture.pageView();
    expect(events.length).toBe(count);
  });

  it('keeps a patch made by another library after ours working when capture stops', () => {
    const { ctx, ofType } = createTestContext();
    const capture = startOnly(ctx, { pageViews: true });
    const ours = history.pushState;
    const seenByOther: string[] = [];
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      seenByOther.push(String(args[2]));
      return ours.apply(this, args);
    };
    try {
      history.pushState({}, '', '/one');
      capture.stop();
      history.pushState({}, '', '/two');
      expect(seenByOther).toEqual(['/one', '/two']);
      expect(location.pathname).toBe('/two');
      expect(ofType('page:view').map((view) => view.path)).toEqual(['/', '/one']);
    } finally {
      delete (history as Partial<History>).pushState;
    }
  });
});

describe('page:leave', () => {
  it('ends each page view before the next one starts, with time on page and engaged time', () => {
    const { ctx, types, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    vi.advanceTimersByTime(12_000);
    history.pushState({}, '', '/next');
    expect(types()).toEqual(['page:view', 'page:leave', 'page:view']);
    expect(ofType('page:leave')[0]).toMatchObject({ durationMs: 12_000, engagedMs: 12_000 });
  });

  it('stops counting engaged time after 30 s without input, and resumes on input', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    vi.advanceTimersByTime(50_000);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(5_000);
    history.pushState({}, '', '/next');
    expect(ofType('page:leave')[0]).toEqual({
      type: 'page:leave',
      durationMs: 55_000,
      engagedMs: 35_000,
      maxScrollPct: 100,
    });
  });

  it('takes the idle limit from the options', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: { idleMs: 5_000 } });
    vi.advanceTimersByTime(3_000);
    window.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(20_000);
    history.pushState({}, '', '/next');
    expect(ofType('page:leave')[0]).toMatchObject({ durationMs: 23_000, engagedMs: 8_000 });
  });

  it('does not count time while the window has no focus', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    vi.advanceTimersByTime(4_000);
    setWindowFocus(false);
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new Event('pointermove'));
    setWindowFocus(true);
    vi.advanceTimersByTime(1_000);
    history.pushState({}, '', '/next');
    expect(ofType('page:leave')[0]).toMatchObject({ durationMs: 15_000, engagedMs: 5_000 });
  });

  it('ends the segment when the tab is hidden and starts a new one, for the same page view, when it is shown', () => {
    const { ctx, types, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    vi.advanceTimersByTime(5_000);
    setVisibility('hidden');
    vi.advanceTimersByTime(60_000);
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('visible');
    vi.advanceTimersByTime(3_000);
    history.pushState({}, '', '/next');
    expect(types()).toEqual(['page:view', 'page:leave', 'page:leave', 'page:view']);
    expect(ofType('page:leave').map(({ durationMs, engagedMs }) => [durationMs, engagedMs])).toEqual([
      [5_000, 5_000],
      [3_000, 3_000],
    ]);
  });

  it('starts counting a page view that began in a background tab when the tab is first shown', () => {
    setVisibility('hidden');
    const { ctx, types, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    vi.advanceTimersByTime(60_000);
    setVisibility('visible');
    vi.advanceTimersByTime(2_000);
    history.pushState({}, '', '/next');
    expect(types()).toEqual(['page:view', 'page:leave', 'page:view']);
    expect(ofType('page:leave')[0]).toMatchObject({ durationMs: 2_000, engagedMs: 2_000 });
  });

  it('ends the page view on pagehide, once', () => {
    const { ctx, types } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('hidden');
    expect(types()).toEqual(['page:view', 'page:leave']);
  });

  it('reports the deepest scroll as a percentage of the document height', () => {
    setDocumentHeight(4_000);
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    scrollPageTo(1_232);
    scrollPageTo(200);
    scrollPageTo(0);
    history.pushState({}, '', '/next');
    handle.stop();
    expect(ofType('page:leave').map((leave) => leave.maxScrollPct)).toEqual([50, 19]);
  });

  it('reads the document height once per animation frame, not in every scroll event', async () => {
    let reads = 0;
    Object.defineProperty(document.documentElement, 'scrollHeight', {
      configurable: true,
      get: () => {
        reads += 1;
        return 4_000;
      },
    });
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pageViews: true });
    await vi.advanceTimersByTimeAsync(50);
    reads = 0;
    for (const y of [400, 800, 1_232, 600]) scrollPageTo(y);
    expect(reads).toBe(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(reads).toBe(1);
    handle.stop();
    expect(ofType('page:leave').map((leave) => leave.maxScrollPct)).toEqual([50]);
  });
});
