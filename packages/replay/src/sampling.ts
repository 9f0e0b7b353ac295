/** FNV-1a, 32 bits: a fast, well-spread hash of a short string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Whether a session is recorded. Decided from the session id alone, so every tab of a session
 * (and every page load in it) makes the same decision without talking to the others.
 */
export function isSessionSampled(sessionId: string, sampleRate: number): boolean {
  if (!(sampleRate > 0)) return false;
  if (sampleRate >= 1) return true;
  return fnv1a(`replay:${sessionId}`) / 0x1_0000_0000 < sampleRate;
}
