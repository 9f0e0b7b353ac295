import type { Shape } from '../validate';
import type { CaptureContext } from './context';

/**
 * A capture source as the capture table holds it. `capture.<name>: false` turns it off; `true`,
 * a missing key or an object of options turns it on, with `defaults` under the options given.
 */
export interface SourceDefinition<TOptions extends object> {
  /** What `capture.<name>` accepts as an object; an empty shape means only `true` or `false`. */
  readonly shape: Shape;
  readonly defaults: Required<TOptions>;
  /** Attaches the source's listeners and returns the function that detaches them. */
  start(ctx: CaptureContext, options: Required<TOptions>): () => void;
}
