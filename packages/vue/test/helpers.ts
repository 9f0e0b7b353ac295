// The shared happy-dom helpers (test-utils/dom.ts), as this package's tests import them.
export { clearBrowserStorage, createTestTracker } from '../../../test-utils/dom';
