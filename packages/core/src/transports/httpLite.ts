import { gzipHere } from './gzip';
import { createHttpTransportWith, type HttpTransportOptions } from './http';
import type { Transport } from './transport';

/**
 * The HTTP transport of `@spoor/core/lite`: the same requests as `@spoor/core`'s, with bodies
 * gzipped on the main thread (no compression worker; `compressInWorker` has no effect).
 *
 * @example
 * const tracker = createCoreTracker({ transport: createHttpTransport({ url: '/spoor/collect' }) });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  return createHttpTransportWith(options, gzipHere);
}
