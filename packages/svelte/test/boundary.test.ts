import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { NO_CAPTURE } from '../../../test-utils/dom';
import Guarded from './Guarded.svelte';
import { cleanUpAfterEach, createTestTracker } from './helpers';

cleanUpAfterEach();

describe('boundaryErrorHandler', () => {
  it('records what a <svelte:boundary> catches, scrubbed, and calls the own handler', async () => {
    const { tracker, sent } = createTestTracker({ capture: { ...NO_CAPTURE, errors: true } });
    tracker.start();
    const onerror = vi.fn();
    render(Guarded, { onerror });

    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    const errors = (await sent()).filter((event) => event.type === 'error');
    expect(errors.map((event) => event.message)).toEqual(['TypeError: no account for [email]']);
    expect(onerror).toHaveBeenCalledWith(expect.any(TypeError), expect.any(Function));
    tracker.stop();
  });
});
