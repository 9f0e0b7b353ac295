import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { consentStore, sessionStore, type TrackerSnapshot, trackerSnapshot } from '../src';
import { cleanUpAfterEach, createTestTracker } from './helpers';
import Root from './Root.svelte';
import Shop from './Shop.svelte';

cleanUpAfterEach();

describe('trackerSnapshot', () => {
  it('gives the current snapshot at once, then each new one, until unsubscribed', () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    const seen: TrackerSnapshot[] = [];
    const unsubscribe = trackerSnapshot(tracker).subscribe((snapshot) => seen.push(snapshot));

    expect(seen).toEqual([tracker.getSnapshot()]);
    tracker.start();
    expect(seen.at(-1)).toMatchObject({ status: 'running' });
    unsubscribe();
    tracker.consent.grant();
    expect(seen.at(-1)).toMatchObject({ consent: 'pending' });
    tracker.stop();
  });

  it('notifies only when the selected value changes', () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    const seen: string[] = [];
    const unsubscribe = trackerSnapshot(tracker, (snapshot) => snapshot.consent).subscribe((consent) =>
      seen.push(consent),
    );
    tracker.start();
    tracker.consent.grant();
    tracker.track('something');

    expect(seen).toEqual(['pending', 'granted']);
    unsubscribe();
    tracker.stop();
  });
});

describe('sessionStore', () => {
  it('holds null before consent and the session id after', () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    const seen: (string | null)[] = [];
    const unsubscribe = sessionStore(tracker).subscribe((id) => seen.push(id));
    tracker.start();
    tracker.consent.grant();

    expect(seen).toEqual([null, tracker.getSnapshot().sessionId]);
    expect(seen[1]).toEqual(expect.any(String));
    unsubscribe();
    tracker.stop();
  });
});

describe('consentStore', () => {
  it('drives a consent banner: nothing is sent before Accept, the session starts after', async () => {
    const { tracker, sent } = createTestTracker({ consent: { mode: 'opt-in' } });
    render(Root, { tracker, child: Shop });

    expect(screen.getByRole('dialog', { name: 'Cookies' })).toBeTruthy();
    expect(consentStore(tracker).mode).toBe('opt-in');
    await fireEvent.click(screen.getByRole('button', { name: 'Ping' }));
    expect(await sent()).toEqual([]);

    await fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(screen.getByText('consent: granted')).toBeTruthy();
    expect(screen.getByText('session: yes')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await sent()).map((event) => event.type)).toContain('session:start');
  });

  it('keeps sending nothing when the visitor declines', async () => {
    const { tracker, sent } = createTestTracker({ consent: { mode: 'opt-in' } });
    render(Root, { tracker, child: Shop });

    await fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Ping' }));

    expect(screen.getByText('consent: denied')).toBeTruthy();
    expect(await sent()).toEqual([]);
  });
});
