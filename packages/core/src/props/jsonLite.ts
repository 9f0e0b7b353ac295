import { describeError } from '../errors';
import type { JsonResult } from './toJson';

/**
 * The lite tracker's JSON conversion: `JSON.stringify` itself, so a cycle or a BigInt is named by
 * the browser's own message instead of by its path, and depth is not limited.
 */
export function toJsonLite(value: unknown, path: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(JSON.stringify(value) ?? 'null') };
  } catch (error) {
    return { ok: false, problem: `${path} cannot be sent as JSON (${describeError(error)})` };
  }
}
