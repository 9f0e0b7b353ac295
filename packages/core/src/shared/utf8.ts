// Most events are ASCII JSON: one byte per UTF-16 unit. A native scan to the first other character,
// then a loop from there, costs a third or less of encoding the text (docs/internals/performance-history.md).
const NOT_ASCII = /[^\0-\x7f]/;

/**
 * UTF-8 size of a string, as `TextEncoder` would encode it, without encoding it: nothing is
 * allocated, even for a replay chunk's megabytes.
 */
export function byteLength(text: string): number {
  let bytes = text.length;
  for (let i = text.search(NOT_ASCII); i >= 0 && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    // A surrogate pair: two units, four bytes.
    else if (code < 0xdc00 && code >= 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    }
    // Three bytes; a lone surrogate is sent as U+FFFD, three bytes too.
    else bytes += 2;
  }
  return bytes;
}
