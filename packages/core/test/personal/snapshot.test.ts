import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackerPlugin } from '../../src/index';
import { clearCookies, destroyTrackers, NO_CAPTURE, setup } from '../helpers';

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState({}, '', '/landing?utm_source=news&utm_campaign=spring&id=3');
});
afterEach(() => {
  destroyTrackers();
  history.replaceState({}, '', '/');
});

const PAGE_VIEWS = { ...NO_CAPTURE, pageViews: true };

describe('personalisation in the snapshot', () => {
  it('counts visits and tells a returning visitor from a new one', () => {
    const first = setup({ capture: PAGE_VIEWS });
    expect(first.tracker.getSnapshot()).toMatchObject({ visitCount: 0, returning: false, firstSeenAt: null });
    first.tracker.start();
    const firstSeenAt = first.tracker.getSnapshot().firstSeenAt;
    expect(first.tracker.getSnapshot()).toMatchObject({ visitCount: 1, returning: false });
    expect(firstSeenAt).toBeGreaterThan(Date.now() - 5000);
    first.tracker.destroy();
    document.cookie = 'spoor_sid=; Max-Age=0; Path=/';
    const second = setup({ capture: PAGE_VIEWS });
    second.tracker.start();
    expect(second.tracker.getSnapshot()).toMatchObject({ visitCount: 2, returning: true, firstSeenAt });
  });

  it("follows this session's page views, engaged time, entry referrer and UTM parameters", () => {
    let emit: ((event: never) => void) | undefined;
    const probe: TrackerPlugin = {
      name: 'probe',
      setup(ctx) {
        emit = ctx.emit as never;
        return undefined;
      },
    };
    const { tracker } = setup({ capture: PAGE_VIEWS, plugins: [probe] });
    tracker.start();
    expect(tracker.getSnapshot()).toMatchObject({
      sessionPageViews: 1,
      entryReferrer: '',
      utm: { source: 'news', campaign: 'spring' },
    });
    emit?.({ type: 'page:leave', durationMs: 2000, engagedMs: 1500, maxScrollPct: 40 } as never);
    history.pushState({}, '', '/pricing');
    tracker.page('push');
    expect(tracker.getSnapshot()).toMatchObject({
      sessionPageViews: 2,
      utm: { source: 'news', campaign: 'spring' },
    });
    // 1500 ms from the leave above, plus the real leave of /landing that the navigation ended.
    expect(tracker.getSnapshot().sessionEngagedMs).toBeGreaterThanOrEqual(1500);
  });

  it('keeps the session facts across a reload of the tab', () => {
    const first = setup({ capture: PAGE_VIEWS });
    first.tracker.start();
    first.tracker.destroy();
    history.replaceState({}, '', '/next');
    const second = setup({ capture: PAGE_VIEWS });
    second.tracker.start();
    expect(second.tracker.getSnapshot()).toMatchObject({ sessionPageViews: 2, utm: { source: 'news' } });
  });

  it('sends none of it', async () => {
    const { tracker, transport } = setup({ capture: PAGE_VIEWS });
    tracker.start();
    tracker.track('x');
    await tracker.flush();
    const wire = JSON.stringify(transport.events);
    for (const field of ['visitCount', 'returning', 'firstSeen', 'sessionPageViews', 'utm', 'entryReferrer'])
      expect(wire).not.toContain(`"${field}":`);
  });

  it('is empty before consent and forgotten on deny', () => {
    const { tracker } = setup({ capture: PAGE_VIEWS, consent: { mode: 'opt-in' } });
    tracker.start();
    expect(tracker.getSnapshot()).toMatchObject({ visitCount: 0, sessionPageViews: 0, utm: null });
    expect(sessionStorage.getItem('spoor_visit')).toBeNull();
    tracker.consent.grant();
    expect(tracker.getSnapshot()).toMatchObject({ visitCount: 1, sessionPageViews: 1 });
    tracker.consent.deny();
    expect(tracker.getSnapshot()).toMatchObject({
      visitorId: null,
      visitCount: 0,
      sessionPageViews: 0,
      utm: null,
    });
    expect(sessionStorage.getItem('spoor_visit')).toBeNull();
  });
});
