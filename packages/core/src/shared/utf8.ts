import { getTextEncoder } from '../env';

// UTF-8 is at most 3 bytes per UTF-16 unit, so a slice of SLICE units always fits the buffer.
const SLICE = 16_384;
// One buffer, reused: text of any length is encoded a slice at a time into it, so counting a
// replay chunk's megabytes allocates (and zero-fills) nothing.
let scratch: Uint8Array | undefined;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** UTF-8 size of a string. */
export function byteLength(text: string): number {
  const encoder = getTextEncoder();
  // Every browser and Node has TextEncoder; without one, 3 bytes per character is a safe bound.
  if (!encoder) return text.length * 3;
  scratch ??= new Uint8Array(3 * SLICE);
  let bytes = 0;
  for (let at = 0, end = 0; at < text.length; at = end) {
    end = at + SLICE;
    // Never split a surrogate pair: each half alone would count as U+FFFD, 3 bytes.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    bytes += encoder.encodeInto(text.slice(at, end), scratch).written;
  }
  return bytes;
}
