import { reportFrameworkError } from '@spoor/core';

/** What `<svelte:boundary onerror>` takes. */
export type BoundaryErrorHandler = (error: unknown, reset: () => void) => void;

/**
 * An `onerror` for `<svelte:boundary>` that records what the boundary catches (errors Svelte
 * handles never reach `window.onerror`), scrubbed like any other error, then calls your own handler.
 *
 * @example
 * <svelte:boundary onerror={boundaryErrorHandler()}>
 *   <Checkout />
 *   {#snippet failed(error, reset)}<button onclick={reset}>Try again</button>{/snippet}
 * </svelte:boundary>
 */
export function boundaryErrorHandler(own?: BoundaryErrorHandler): BoundaryErrorHandler {
  return (error, reset) => {
    reportFrameworkError(error);
    own?.(error, reset);
  };
}
