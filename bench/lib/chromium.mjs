// Debian's Chromium through playwright-core, with the flags this environment needs.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export async function launchChromium() {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (path) => !!path && existsSync(path),
  );
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
      '--enable-precise-memory-info',
    ],
  });
}
