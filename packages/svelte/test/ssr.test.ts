// @vitest-environment node
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { createTestTracker } from './helpers';
import Root from './Root.svelte';
import Shop from './Shop.svelte';

describe('server rendering', () => {
  it('renders with svelte/server and captures nothing', async () => {
    const { tracker, sent } = createTestTracker({ consent: { mode: 'opt-in' } });

    const { body } = render(Root, { props: { tracker, child: Shop } });

    expect(body).toContain('status: idle');
    expect(body).toContain('consent: pending');
    expect(body).toContain('session: none');
    // Actions never run on the server: the mask attribute arrives with hydration.
    expect(body).toContain('name="card"');
    expect(body).not.toContain('data-spoor-mask');
    expect(tracker.getSnapshot().status).toBe('idle');
    expect(await sent()).toEqual([]);
  });
});
