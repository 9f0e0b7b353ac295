import { byteLength } from '../shared/utf8';
import { type JsonResult, toJson } from './toJson';

const MAX_NAME_LENGTH = 100;
/** Levels of objects and arrays allowed inside props. */
const MAX_PROPS_DEPTH = 10;
/** Custom event props are capped at this many bytes of JSON. */
export const MAX_PROPS_BYTES = 16_384;

/** Turns an app's value into JSON, or names what JSON cannot hold. */
export type JsonConversion = (value: unknown, path: string, maxDepth: number) => JsonResult;

export type CustomEventResult =
  | { ok: true; name: string; props: Record<string, unknown> }
  | { ok: false; message: string };

const quote = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'bigint' ? `${value}n` : String(value);
};

/**
 * The name and props of a `track()` call as they will be sent, or why the event is dropped.
 * Props are converted the way JSON.stringify would; what JSON cannot hold is named.
 */
export function checkCustomEvent(name: unknown, props: unknown): CustomEventResult {
  return checkCustomEventWith(name, props, toJson);
}

/** {@link checkCustomEvent} with the given JSON conversion (the lite tracker's is smaller). */
export function checkCustomEventWith(name: unknown, props: unknown, json: JsonConversion): CustomEventResult {
  const drop = (problem: string): CustomEventResult => ({
    ok: false,
    message: `track(${quote(name)}) dropped: ${problem}`,
  });
  if (typeof name !== 'string' || name.trim() === '')
    return drop(`the event name must be a non-empty string, got ${quote(name)}`);
  if (name.length > MAX_NAME_LENGTH)
    return drop(`the event name is ${name.length} characters; at most ${MAX_NAME_LENGTH}`);
  if (props === undefined || props === null) return { ok: true, name, props: {} };
  const converted = json(props, 'props', MAX_PROPS_DEPTH);
  if (!converted.ok) return drop(converted.problem);
  const value = converted.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return drop(
      `props must be an object of named values, got ${Array.isArray(value) ? 'an array' : typeof props}`,
    );
  const bytes = byteLength(JSON.stringify(value));
  if (bytes > MAX_PROPS_BYTES) return drop(`props are ${bytes} bytes of JSON; at most ${MAX_PROPS_BYTES}`);
  return { ok: true, name, props: value as Record<string, unknown> };
}
