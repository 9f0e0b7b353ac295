import type { TrackerSnapshot } from '@spoor/core';
import { act, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { SessionTrackerProvider, useTrackerSnapshot } from '../src';
import { createTestTracker, describeEachReactMode } from './helpers';

function WholeSnapshot({ onSnapshot }: { onSnapshot: (snapshot: TrackerSnapshot) => void }) {
  onSnapshot(useTrackerSnapshot());
  return null;
}

function Status({ onRender }: { onRender: () => void }) {
  onRender();
  const status = useTrackerSnapshot((snapshot) => snapshot.status);
  return <p>status: {status}</p>;
}

function Running({ into }: { into: object[] }) {
  const selected = useTrackerSnapshot(
    (snapshot) => ({ running: snapshot.status === 'running' }),
    (a, b) => a.running === b.running,
  );
  into.push(selected);
  return <p>{selected.running ? 'on' : 'off'}</p>;
}

describeEachReactMode('useTrackerSnapshot', ({ render, strict }) => {
  it('returns the whole snapshot without a selector', () => {
    const { tracker } = createTestTracker();
    let seen: TrackerSnapshot | undefined;
    render(
      <SessionTrackerProvider tracker={tracker}>
        <WholeSnapshot
          onSnapshot={(snapshot) => {
            seen = snapshot;
          }}
        />
      </SessionTrackerProvider>,
    );
    expect(seen).toBe(tracker.getSnapshot());
  });

  it('re-renders only when the selected part changes', async () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    let renders = 0;
    render(
      <SessionTrackerProvider tracker={tracker}>
        <Status
          onRender={() => {
            renders += 1;
          }}
        />
      </SessionTrackerProvider>,
    );
    await act(async () => {});
    expect(screen.getByText('status: running')).toBeTruthy();
    const before = renders;
    act(() => tracker.consent.grant());
    expect(tracker.getSnapshot().consent).toBe('granted');
    expect(renders).toBe(before);

    act(() => tracker.stop());
    expect(screen.getByText('status: idle')).toBeTruthy();
    expect(renders).toBe(before + (strict ? 2 : 1));
  });

  it('keeps the previous selection when isEqual says it is the same', () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    const selections: object[] = [];
    render(
      <SessionTrackerProvider tracker={tracker}>
        <Running into={selections} />
      </SessionTrackerProvider>,
    );
    const before = selections.at(-1);
    expect(before).toEqual({ running: true });
    act(() => tracker.consent.grant());
    expect(tracker.getSnapshot().consent).toBe('granted');
    expect(selections.at(-1)).toBe(before);
    expect(screen.getByText('on')).toBeTruthy();
  });

  it('throws an error naming the provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<WholeSnapshot onSnapshot={() => {}} />)).toThrow(
      /useTrackerSnapshot\(\) must be used inside <SessionTrackerProvider>/,
    );
  });
});
