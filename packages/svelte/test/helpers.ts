import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { clearBrowserStorage } from '../../../test-utils/dom';

// The shared happy-dom helpers (test-utils/dom.ts), as this package's tests import them.
export { clearBrowserStorage, createTestTracker } from '../../../test-utils/dom';

/** After each test of the file: unmounts what it rendered, empties the page and the storage. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    cleanup();
    document.body.innerHTML = '';
    clearBrowserStorage();
  });
}
