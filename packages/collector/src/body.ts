import { gunzip } from 'node:zlib';

export type DecodeResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; error: string; message: string };

const isGzip = (buf: Buffer) => buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;

function inflate(buf: Buffer, maxBytes: number): Promise<Buffer | 'too-large' | 'corrupt'> {
  return new Promise((resolve) => {
    // maxOutputLength stops inflating as soon as the cap is passed: a zip bomb is never expanded.
    gunzip(buf, { maxOutputLength: maxBytes }, (error, out) => {
      if (!error) resolve(out);
      else
        resolve((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt');
    });
  });
}

/**
 * Turns a raw request body into JSON: gunzips it when the request says so (`Content-Encoding: gzip`
 * or `?enc=gzip` for beacons, which cannot set headers) or when it starts with gzip's magic bytes.
 */
export async function decodeBody(
  raw: Buffer,
  encoding: string | undefined,
  maxDecompressedBytes: number,
): Promise<DecodeResult> {
  const enc = encoding?.trim().toLowerCase();
  if (enc && enc !== 'gzip' && enc !== 'identity') {
    return {
      ok: false,
      status: 415,
      error: 'unsupported-encoding',
      message: `unsupported content encoding "${enc}"`,
    };
  }
  let text = raw;
  if (enc === 'gzip' || isGzip(raw)) {
    const out = await inflate(raw, maxDecompressedBytes);
    if (out === 'too-large') {
      return {
        ok: false,
        status: 413,
        error: 'body-too-large',
        message: `the decompressed body exceeds ${maxDecompressedBytes} bytes`,
      };
    }
    if (out === 'corrupt')
      return { ok: false, status: 400, error: 'invalid-gzip', message: 'the body is not valid gzip' };
    text = out;
  } else if (raw.length > maxDecompressedBytes) {
    return {
      ok: false,
      status: 413,
      error: 'body-too-large',
      message: `the body exceeds ${maxDecompressedBytes} bytes`,
    };
  }
  if (text.length === 0)
    return { ok: false, status: 400, error: 'invalid-json', message: 'the body is empty' };
  try {
    // A byte-order mark is harmless; UTF-8 decoding turns invalid bytes into U+FFFD.
    const json = text.toString('utf8');
    return { ok: true, value: JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json) };
  } catch (error) {
    return {
      ok: false,
      status: 400,
      error: 'invalid-json',
      message: `the body is not valid JSON: ${(error as Error).message}`,
    };
  }
}
