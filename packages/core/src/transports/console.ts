import type { Transport } from './transport';

/** Options of {@link createConsoleTransport}. */
export interface ConsoleTransportOptions {
  /** @default 'console' */
  name?: string;
  /** Where batches are written. @default the page's console */
  logger?: Pick<Console, 'log'>;
}

/**
 * Creates a development transport that logs every batch to the console and reports success.
 *
 * @example
 * const tracker = createTracker({ transport: createConsoleTransport() });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createConsoleTransport(options: ConsoleTransportOptions = {}): Transport {
  return {
    name: options.name ?? 'console',
    async send(batch, sendOptions) {
      try {
        const logger = options.logger ?? console;
        const types = batch.events.map((event) => event.type).join(', ');
        logger.log(
          `[spoor] batch ${batch.batchId} (${batch.events.length} events${sendOptions.keepalive ? ', page exit' : ''}): ${types}`,
          batch.events,
        );
      } catch {
        // Logging must never fail a batch.
      }
      return { status: 'ok' };
    },
  };
}
