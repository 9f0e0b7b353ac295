/** Machine-readable reasons a Spoor call can fail. */
export type SpoorErrorCode =
  | 'invalid-option'
  | 'invalid-event'
  | 'listener-failed'
  | 'capture-failed'
  | 'plugin-failed'
  | 'transport-failed'
  | 'storage-failed'
  | 'destroyed';

/**
 * The one error class Spoor throws. Thrown only for programmer mistakes (bad options, bad
 * `track` arguments); everything that goes wrong at run time is reported on the bus instead.
 *
 * @example
 * try { createTracker({ batch: { maxEvents: -1 } }) }
 * catch (error) { if (isSpoorError(error)) console.log(error.code, error.option) }
 */
export class SpoorError extends Error {
  // Declared, not initialised: a field initialiser costs every bundle esbuild's ES2020 field helper.
  declare readonly code: SpoorErrorCode;
  /** The option path at fault, for `invalid-option` (for example `batch.maxEvents`). */
  declare readonly option?: string;

  constructor(code: SpoorErrorCode, message: string, option?: string) {
    super(`[spoor] ${message}`);
    this.name = 'SpoorError';
    this.code = code;
    if (option !== undefined) this.option = option;
  }
}

/** True when `error` is a {@link SpoorError}. */
export function isSpoorError(error: unknown): error is SpoorError {
  return error instanceof SpoorError;
}

/** A one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}
