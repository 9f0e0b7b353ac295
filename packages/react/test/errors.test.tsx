import { act, Component, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearBrowserStorage, NO_CAPTURE } from '../../../test-utils/dom';
import {
  type MemoryTransport,
  rootErrorHandlers,
  SessionTrackerProvider,
  SpoorErrorBoundary,
  type Tracker,
} from '../src';
import { createTestTracker } from './helpers';

// React's test environment flag, so act() does not warn.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Checkout(): ReactNode {
  throw new TypeError('no account for jane@example.com');
}

class PlainBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p>plain fallback</p> : this.props.children;
  }
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  clearBrowserStorage();
});

function mount(ui: ReactNode, options?: Parameters<typeof createRoot>[1]) {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container, options);
  act(() => root?.render(ui));
  return container;
}

async function errorMessages(tracker: Tracker, memory: MemoryTransport) {
  await tracker.flush();
  return memory.events.filter((event) => event.type === 'error').map((event) => event.message);
}

describe('SpoorErrorBoundary', () => {
  it('records what a child throws, scrubbed, and renders the fallback with a reset', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { tracker, memory } = createTestTracker({ capture: { ...NO_CAPTURE, errors: true } });
    // Started before the first render: the provider's own start() runs after a first-render error.
    tracker.start();
    const onError = vi.fn();
    const container = mount(
      <SessionTrackerProvider tracker={tracker}>
        <SpoorErrorBoundary
          fallback={({ reset }) => (
            <button type="button" onClick={reset}>
              Try again
            </button>
          )}
          onError={onError}
        >
          <Checkout />
        </SpoorErrorBoundary>
      </SessionTrackerProvider>,
    );

    expect(container.textContent).toBe('Try again');
    expect(await errorMessages(tracker, memory)).toEqual(['TypeError: no account for [email]']);
    expect(onError).toHaveBeenCalledWith(
      expect.any(TypeError),
      expect.objectContaining({ componentStack: expect.any(String) }),
    );
  });
});

describe('rootErrorHandlers', () => {
  it('records what any boundary catches, once even under a SpoorErrorBoundary, and calls your own callback', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { tracker, memory } = createTestTracker({ capture: { ...NO_CAPTURE, errors: true } });
    // Started before the first render: the provider's own start() runs after a first-render error.
    tracker.start();
    const onCaughtError = vi.fn();
    const container = mount(
      <SessionTrackerProvider tracker={tracker}>
        <PlainBoundary>
          <Checkout />
        </PlainBoundary>
        <SpoorErrorBoundary fallback={<p>spoor fallback</p>}>
          <Checkout />
        </SpoorErrorBoundary>
      </SessionTrackerProvider>,
      rootErrorHandlers({ onCaughtError }),
    );

    expect(container.textContent).toBe('plain fallbackspoor fallback');
    expect(await errorMessages(tracker, memory)).toEqual([
      'TypeError: no account for [email]',
      'TypeError: no account for [email]',
    ]);
    expect(onCaughtError).toHaveBeenCalledTimes(2);
  });
});
