// The configurations measured, in the order the report lists them.

/**
 * `quiet`: sends nothing on an error-free page, so no request is not a sign that it failed to run.
 * `split`: built as an ES module with code splitting, as an app's bundler would build it, so code
 * the library loads on demand (`import()`) is a chunk fetched when needed, counted as loaded later.
 * @typedef {{ id: string, label: string, entry: string, group: 'baseline' | 'spoor' | 'peer', replay: boolean, quick: boolean, quiet?: boolean, split?: boolean, packages: string[], plugins?: import('esbuild').Plugin[] }} BenchConfig
 */

/** @type {BenchConfig[]} */
export const CONFIGS = [
  {
    id: 'baseline',
    label: 'No tracker (baseline)',
    entry: 'baseline.js',
    group: 'baseline',
    replay: false,
    quick: true,
    packages: [],
  },
  {
    id: 'spoor',
    label: 'Spoor, tracking only',
    entry: 'spoor.js',
    group: 'spoor',
    replay: false,
    quick: true,
    packages: ['@spoor/core'],
  },
  {
    id: 'spoor-replay',
    label: 'Spoor + replay',
    entry: 'spoor-replay.js',
    group: 'spoor',
    replay: true,
    quick: true,
    split: true,
    packages: ['@spoor/core', '@spoor/replay'],
  },
  {
    // The budget guard out of the way: records the whole workload, as rrweb alone does.
    id: 'spoor-replay-full',
    label: 'Spoor + replay, no budget pause',
    entry: 'spoor-replay-full.js',
    group: 'spoor',
    replay: true,
    quick: false,
    split: true,
    packages: ['@spoor/core', '@spoor/replay'],
  },
  {
    id: 'posthog',
    label: 'PostHog (autocapture)',
    entry: 'posthog.js',
    group: 'peer',
    replay: false,
    quick: false,
    packages: ['posthog-js'],
  },
  {
    id: 'posthog-replay',
    label: 'PostHog + recording',
    entry: 'posthog-replay.js',
    group: 'peer',
    replay: true,
    quick: false,
    packages: ['posthog-js'],
  },
  {
    id: 'snowplow',
    label: 'Snowplow browser tracker',
    entry: 'snowplow.js',
    group: 'peer',
    replay: false,
    quick: false,
    packages: [
      '@snowplow/browser-tracker',
      '@snowplow/browser-plugin-link-click-tracking',
      '@snowplow/browser-plugin-form-tracking',
    ],
  },
  {
    id: 'sentry',
    label: 'Sentry (@sentry/browser)',
    entry: 'sentry.js',
    group: 'peer',
    replay: false,
    quick: false,
    quiet: true,
    packages: ['@sentry/browser'],
  },
  {
    id: 'sentry-replay',
    label: 'Sentry + replay',
    entry: 'sentry-replay.js',
    group: 'peer',
    replay: true,
    quick: false,
    packages: ['@sentry/browser'],
  },
  {
    id: 'rrweb',
    label: 'rrweb recorder alone',
    entry: 'rrweb.js',
    group: 'peer',
    replay: true,
    quick: true,
    packages: ['@rrweb/record'],
  },
  {
    id: 'clarity',
    label: 'Microsoft Clarity (clarity-js)',
    entry: 'clarity.js',
    group: 'peer',
    replay: true,
    quick: false,
    packages: ['clarity-js'],
  },
];
