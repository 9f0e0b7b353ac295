import type { JsonConversion } from '../props/customEvent';

/** The collector keeps ids of up to 128 characters. */
const MAX_USER_ID_LENGTH = 128;

export type IdentifyResult =
  | { ok: true; userId: string; traits: Record<string, unknown> }
  | { ok: false; message: string };

/**
 * The user id and traits of an `identify()` call as they will be sent, or why it is ignored.
 * `json` converts the traits (a tracker part: the lite tracker's is smaller).
 */
export function checkIdentify(userId: unknown, traits: unknown, json: JsonConversion): IdentifyResult {
  const fail = (problem: string): IdentifyResult => ({
    ok: false,
    message: `identify() ignored: ${problem}`,
  });
  if (typeof userId !== 'string' || userId.trim() === '')
    return fail(
      `the user id must be a non-empty string, got ${typeof userId === 'string' ? '""' : String(userId)}`,
    );
  if (userId.length > MAX_USER_ID_LENGTH)
    return fail(`the user id is ${userId.length} characters; at most ${MAX_USER_ID_LENGTH}`);
  if (traits === undefined || traits === null) return { ok: true, userId, traits: {} };
  const converted = json(traits, 'traits', 10);
  if (!converted.ok) return fail(converted.problem);
  const value = converted.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('traits must be an object of named values');
  return { ok: true, userId, traits: value as Record<string, unknown> };
}
