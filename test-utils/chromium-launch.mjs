// Debian's Chromium through playwright-core, with the flags this environment needs: the one
// launcher of the real-browser tests (test-utils/chromium.ts) and the benchmarks (bench/).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM_PATHS = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export async function launchChromium() {
  const executablePath = CHROMIUM_PATHS.find((path) => !!path && existsSync(path));
  if (!executablePath)
    throw new Error("Chromium not found: install Debian's `chromium` (apt-get install chromium)");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      // performance.memory with real figures (the benchmark's heap growth); harmless elsewhere.
      '--enable-precise-memory-info',
    ],
  });
}
