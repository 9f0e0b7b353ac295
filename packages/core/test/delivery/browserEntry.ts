// The script the real-browser delivery suites load: the public API plus the transports under test.
export * from '../../src/index';
export { createConsoleTransport } from '../../src/transports/console';
export { createHttpTransport } from '../../src/transports/http';
