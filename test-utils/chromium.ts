// Shared helpers for the real-browser suites: Debian's Chromium through playwright-core,
// and an on-the-fly IIFE bundle of a package's source (tests never need a build first).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export { launchChromium } from './chromium-launch.mjs';

/**
 * Bundles a TypeScript entry (default: @spoor/core's source) into one IIFE script exposing `globalName`.
 * Resolves workspace packages through their source condition.
 */
export async function bundleScript(
  entry = join(repoRoot, 'packages/core/src/index.ts'),
  globalName = 'Spoor',
): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    target: 'es2020',
    conditions: ['@spoor/source'],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

/** Starts an HTTP server on 127.0.0.1 with a random port; `close()` stops it. */
export async function startServer(
  handler: Handler,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      Promise.resolve(handler(req, res, Buffer.concat(chunks))).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts an example's Node server (`script`, relative to the repository root) on `port` and
 * resolves once it prints its URL; `kill()` stops it.
 */
export async function startExampleServer(script: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(repoRoot, script)], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('http://127.0.0.1')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return server;
}
