import {
  createMemoryTransport,
  createTracker,
  type MemoryTransport,
  type Tracker,
  type TrackerOptions,
} from '@spoor/core';
import { cleanup, type RenderOptions, type RenderResult, render } from '@testing-library/react';
import { type ReactElement, StrictMode } from 'react';
import { afterEach, describe } from 'vitest';
import { clearBrowserStorage } from '../../../test-utils/dom';
import { useSessionTracker } from '../src';

export interface ReactMode {
  strict: boolean;
  /** testing-library's render, wrapped in <StrictMode> in strict mode. */
  render(ui: ReactElement, options?: Omit<RenderOptions, 'wrapper'>): RenderResult;
}

/** Runs a suite twice: in plain React and under <StrictMode> (double render, double effects). */
export function describeEachReactMode(name: string, suite: (mode: ReactMode) => void): void {
  for (const strict of [false, true]) {
    describe(`${name} (${strict ? 'StrictMode' : 'no StrictMode'})`, () => {
      suite({
        strict,
        render: (ui, options) => render(ui, { ...options, wrapper: strict ? StrictMode : undefined }),
      });
    });
  }
}

const trackers = new Set<Tracker>();

afterEach(() => {
  cleanup();
  for (const tracker of trackers) tracker.destroy();
  trackers.clear();
  document.body.innerHTML = '';
  clearBrowserStorage();
  window.history.replaceState(null, '', '/');
});

/** A tracker that delivers to memory and keeps its session in memory; destroyed after each test. */
export function createTestTracker(options: TrackerOptions = {}): {
  tracker: Tracker;
  memory: MemoryTransport;
} {
  const memory = createMemoryTransport();
  const tracker = createTracker({ transport: memory, session: { storage: 'memory' }, ...options });
  trackers.add(tracker);
  return { tracker, memory };
}

/** Options for a provider-owned tracker that delivers to `memory`. */
export function testOptions(memory: MemoryTransport, options: TrackerOptions = {}): TrackerOptions {
  return { transport: memory, session: { storage: 'memory' }, ...options };
}

/** Flushes and returns the types (and, for page views, paths) of what reached the transport. */
export async function delivered(tracker: Tracker, memory: MemoryTransport): Promise<string[]> {
  await tracker.flush();
  return memory.events.map((event) => (event.type === 'page:view' ? `page:view ${event.path}` : event.type));
}

/** Hands the provider's tracker to the test. */
export function TrackerProbe({ onTracker }: { onTracker: (tracker: Tracker) => void }) {
  onTracker(useSessionTracker().tracker);
  return null;
}
