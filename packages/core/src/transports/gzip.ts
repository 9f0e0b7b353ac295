import { getWindow } from '../env';

/** Gzips a request body; resolves `undefined` when it cannot (the body is then sent as is). */
export type Gzip = (body: string) => Promise<Uint8Array | undefined>;

/** Gzip on the calling thread with the browser's `CompressionStream`. */
export async function gzipHere(body: string): Promise<Uint8Array | undefined> {
  const win = getWindow();
  const Compression = win?.CompressionStream;
  if (!Compression || !win.Blob || !win.Response) return undefined;
  const stream = new win.Blob([body]).stream().pipeThrough(new Compression('gzip'));
  return new Uint8Array(await new win.Response(stream).arrayBuffer());
}

// The worker's whole source: gzip what it is sent, answer with the bytes (or nothing on failure).
const WORKER_SOURCE =
  'onmessage=async e=>{const{id:i,body:t}=e.data;try{const b=new Uint8Array(await new Response(new Blob([t]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());postMessage({i,b},[b.buffer])}catch{postMessage({i})}}';

/** A worker that has not answered a body within this long is given up (the body is compressed here). */
const WORKER_TIMEOUT_MS = 5000;

/**
 * Gzip in a small dedicated worker, started on first use from a `blob:` URL, so compressing
 * large batches (replay chunks are hundreds of KB) does not hold up the page's main thread.
 * Where the worker cannot run (no `Worker`, a Content-Security-Policy without `blob:` in
 * `worker-src`, an error in the worker) every body is compressed on the main thread instead.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createWorkerGzip(): Gzip {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const waiting = new Map<number, (bytes: Uint8Array | undefined) => void>();

  const giveUp = () => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    const win = getWindow();
    if (typeof win?.Worker !== 'function' || !win.CompressionStream || !win.URL?.createObjectURL) {
      broken = true;
      return undefined;
    }
    try {
      const url = win.URL.createObjectURL(new win.Blob([WORKER_SOURCE], { type: 'text/javascript' }));
      worker = new win.Worker(url);
      win.URL.revokeObjectURL(url);
    } catch {
      broken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<{ i: number; b?: Uint8Array }>) => {
      const resolve = waiting.get(event.data.i);
      waiting.delete(event.data.i);
      resolve?.(event.data.b);
    };
    worker.onerror = giveUp;
    return worker;
  };

  return (body) => {
    const target = start();
    if (!target) return gzipHere(body);
    const id = nextId++;
    return new Promise<Uint8Array | undefined>((resolve) => {
      // A worker that does not answer is not asked again: every body is compressed here.
      const timer = setTimeout(giveUp, WORKER_TIMEOUT_MS);
      waiting.set(id, (bytes) => {
        clearTimeout(timer);
        resolve(bytes);
      });
      try {
        target.postMessage({ id, body });
      } catch {
        giveUp();
      }
    }).then((bytes) => bytes ?? gzipHere(body));
  };
}
