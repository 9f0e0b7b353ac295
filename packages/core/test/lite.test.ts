import { fireEvent } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { clicks, createCoreTracker, createMemoryTransport, isSpoorError, type Tracker } from '../src/lite';
import { clearCookies } from './helpers';

const trackers: Tracker[] = [];
const make = (options: Parameters<typeof createCoreTracker>[0] = {}) => {
  const transport = createMemoryTransport();
  const tracker = createCoreTracker({ transport, ...options });
  trackers.push(tracker);
  return { tracker, transport };
};

afterEach(() => {
  for (const tracker of trackers.splice(0)) tracker.destroy();
  document.body.innerHTML = '';
  clearCookies();
});

describe('createCoreTracker', () => {
  it('sends a session, a page view and custom events, with privacy applied', async () => {
    const { tracker, transport } = make();
    tracker.start();
    tracker.track('signup', { email: 'ada@example.com' });
    await tracker.flush();
    expect(transport.events.map((event) => event.type)).toEqual(['session:start', 'page:view', 'custom']);
    const custom = transport.events.find((event) => event.type === 'custom');
    expect(JSON.stringify(custom)).not.toContain('ada@example.com');
  });

  it('captures only the sources it is given', async () => {
    document.body.innerHTML = '<button>Buy</button>';
    const bare = make();
    bare.tracker.start();
    fireEvent.click(document.querySelector('button')!);
    await bare.tracker.flush();
    expect(bare.transport.events.some((event) => event.type === 'click')).toBe(false);
    bare.tracker.destroy();

    const withClicks = make({ sources: { clicks }, capture: { clicks: { dead: false } } });
    withClicks.tracker.start();
    fireEvent.click(document.querySelector('button')!);
    await withClicks.tracker.flush();
    expect(withClicks.transport.events.some((event) => event.type === 'click')).toBe(true);
  });

  it('names a capture option for a source it was not given', () => {
    expect(() => createCoreTracker({ capture: { clicks: true } as never })).toThrow(
      'capture.clicks is not a capture option (expected one of: pageViews)',
    );
  });

  it('refuses persistence it cannot provide instead of losing events silently', () => {
    try {
      createCoreTracker({ delivery: { persist: true as never } });
      expect.unreachable();
    } catch (error) {
      expect(isSpoorError(error) && error.message).toContain('delivery.persist must be false');
    }
  });
});
