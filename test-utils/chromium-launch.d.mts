import type { Browser } from 'playwright-core';

/** Launches headless Debian Chromium with the flags this environment needs. */
export function launchChromium(): Promise<Browser>;
