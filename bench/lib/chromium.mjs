// The benchmarks launch Chromium exactly as the real-browser tests do.
export { launchChromium } from '../../test-utils/chromium-launch.mjs';
