import { getTextEncoder } from '../env';

// A buffer reused for the UTF-8 of ordinary events, grown up to 16 K characters' worth. Longer
// text (a replay chunk) gets a buffer of its own, so the page keeps no megabytes alive for it.
let scratch: Uint8Array | undefined;
const SCRATCH_MAX = 3 * 16_384;

/** UTF-8 size of a string. */
export function byteLength(text: string): number {
  const encoder = getTextEncoder();
  // Every browser and Node has TextEncoder; without one, 3 bytes per character is a safe bound.
  if (!encoder) return text.length * 3;
  // `encodeInto` a reused buffer: one native pass and no allocation per call.
  const need = text.length * 3;
  let target: Uint8Array;
  if (need > SCRATCH_MAX) target = new Uint8Array(need);
  else {
    if (!scratch || scratch.length < need)
      scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(1024, need * 2)));
    target = scratch;
  }
  return encoder.encodeInto(text, target).written;
}
