// Every createCollector option as a command-line flag and an environment variable (12-factor):
// one table, checked against the option types, from which the CLI's parser and help are made.
import { resolve } from 'node:path';
import type { CollectorLimits, CollectorOptions, CollectorTimeouts } from './options';
import { parseSitesSpec } from './sites';

type Parse = (text: string) => unknown;
interface Setting {
  flag: string;
  env: string;
  help: string;
  parse: Parse;
  /** For flags given more than once (joined with `;`, like the environment variable). */
  multiple?: boolean;
}

class ValueError extends Error {}
const number: Parse = (text) => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new ValueError(`expected a number ≥ 0, got "${text}"`);
  return value;
};
const text: Parse = (value) => value;
const path: Parse = (value) => resolve(value);
const bool: Parse = (value) => {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ValueError(`expected true or false, got "${value}"`);
};
const setting = (flag: string, env: string, parse: Parse, help: string, multiple = false): Setting => ({
  flag,
  env,
  parse,
  help,
  ...(multiple ? { multiple } : {}),
});

type TopLevel = Exclude<keyof CollectorOptions, 'storage' | 'blobStore' | 'limits' | 'timeouts'>;

// `satisfies` makes a new option without a flag and a variable a build error.
const OPTIONS = {
  databaseUrl: setting(
    'database-url',
    'DATABASE_URL',
    text,
    'postgres://… or sqlite:path (default sqlite:<data>/spoor.db)',
  ),
  dataDir: setting(
    'data',
    'SPOOR_DATA_DIR',
    path,
    'folder of the SQLite database and replay files (default ./.data)',
  ),
  blobUrl: setting(
    'blob-url',
    'SPOOR_BLOB_URL',
    text,
    'replay recordings: file:<folder> or s3://bucket/prefix?endpoint=… (default file:<data>/replay)',
  ),
  sites: setting(
    'site',
    'SPOOR_SITES',
    parseSitesSpec,
    'key=origin,origin (repeatable; the variable is ;-separated)',
    true,
  ),
  dashboardToken: setting(
    'token',
    'SPOOR_DASHBOARD_TOKEN',
    text,
    'dashboard token (generated and stored when unset)',
  ),
  retentionDays: setting(
    'retention-days',
    'SPOOR_RETENTION_DAYS',
    number,
    'delete sessions received longer ago (default 30)',
  ),
  retentionIntervalMs: setting(
    'retention-interval-ms',
    'SPOOR_RETENTION_INTERVAL_MS',
    number,
    'how often retention runs (default 3600000)',
  ),
  rateLimit: setting(
    'rate-limit',
    'SPOOR_RATE_LIMIT',
    (value) => {
      const [max = '', windowMs = '60000'] = value.split('/');
      const limit = number(max) as number;
      return limit === 0 ? false : { max: limit, timeWindowMs: number(windowMs) as number };
    },
    'requests per site and client per minute, or max/windowMs (default 600; 0 turns it off)',
  ),
  dashboardDir: setting(
    'dashboard-dir',
    'SPOOR_DASHBOARD_DIR',
    (value) => (value === 'false' ? false : resolve(value)),
    "built dashboard to serve, or false (default: the package's)",
  ),
  appDir: setting('app-dir', 'SPOOR_APP_DIR', path, 'a built single-page app to serve at / (default none)'),
  logger: setting(
    'log-level',
    'SPOOR_LOG_LEVEL',
    (value) => {
      if (!/^(fatal|error|warn|info|debug|trace|silent)$/.test(value))
        throw new ValueError(`expected a log level such as info, got "${value}"`);
      return { level: value };
    },
    'fatal, error, warn, info, debug, trace or silent (default warn)',
  ),
  trustProxy: setting(
    'trust-proxy',
    'SPOOR_TRUST_PROXY',
    (value) => (/^(1|true|yes|on|0|false|no|off)$/i.test(value) ? bool(value) : value),
    "true, or the load balancers' addresses (comma-separated)",
  ),
} satisfies Record<TopLevel, Setting>;

const LIMITS = {
  maxBodyBytes: setting(
    'max-body-bytes',
    'SPOOR_MAX_BODY_BYTES',
    number,
    'largest request body as sent (default 1048576)',
  ),
  maxDecompressedBytes: setting(
    'max-decompressed-bytes',
    'SPOOR_MAX_DECOMPRESSED_BYTES',
    number,
    'largest body after gunzip (default 10485760)',
  ),
  maxEventsPerBatch: setting(
    'max-events-per-batch',
    'SPOOR_MAX_EVENTS_PER_BATCH',
    number,
    'most events in one batch (default 1000)',
  ),
  maxClockSkewMs: setting(
    'max-clock-skew-ms',
    'SPOOR_MAX_CLOCK_SKEW_MS',
    number,
    'trusted sender clock skew (default 300000)',
  ),
  maxEventAgeMs: setting(
    'max-event-age-ms',
    'SPOOR_MAX_EVENT_AGE_MS',
    number,
    'oldest event accepted (default 691200000)',
  ),
  maxSessionMs: setting(
    'max-session-ms',
    'SPOOR_MAX_SESSION_MS',
    number,
    'a session takes events this long (default 93600000)',
  ),
  maxSessionEvents: setting(
    'max-session-events',
    'SPOOR_MAX_SESSION_EVENTS',
    number,
    'most events per session (default 50000)',
  ),
} satisfies Record<keyof CollectorLimits, Setting>;

const TIMEOUTS = {
  headersMs: setting(
    'headers-timeout-ms',
    'SPOOR_HEADERS_TIMEOUT_MS',
    number,
    'to send the headers (default 10000)',
  ),
  requestMs: setting(
    'request-timeout-ms',
    'SPOOR_REQUEST_TIMEOUT_MS',
    number,
    'to send the whole request (default 30000)',
  ),
  keepAliveMs: setting(
    'keep-alive-timeout-ms',
    'SPOOR_KEEP_ALIVE_TIMEOUT_MS',
    number,
    'idle keep-alive connections (default 5000)',
  ),
  idleMs: setting('idle-timeout-ms', 'SPOOR_IDLE_TIMEOUT_MS', number, 'silent connections (default 60000)'),
} satisfies Record<keyof CollectorTimeouts, Setting>;

const LISTEN = {
  port: setting('port', 'PORT', number, 'port to listen on (default 8787)'),
  host: setting('host', 'HOST', text, 'address to listen on (default 127.0.0.1; 0.0.0.0 in a container)'),
};

const GROUPS = [
  ['', OPTIONS],
  ['limits', LIMITS],
  ['timeouts', TIMEOUTS],
  ['listen', LISTEN],
] as const satisfies readonly (readonly [string, Record<string, Setting>])[];

export interface Config {
  options: CollectorOptions;
  listen: { port: number; host: string };
}

/** Every setting, for the help text and the parser. */
export const SETTINGS: Setting[] = GROUPS.flatMap(([, table]) => Object.values(table));

/**
 * Reads the configuration: flags first, then environment variables; unset means the default.
 * Throws naming the flag and the variable when a value is malformed.
 */
export function readConfig(
  flags: Record<string, string | string[] | boolean | undefined>,
  env: NodeJS.ProcessEnv,
): Config {
  const groups: Record<string, Record<string, unknown>> = { '': {}, limits: {}, timeouts: {}, listen: {} };
  for (const [group, table] of GROUPS) {
    for (const [key, s] of Object.entries(table) as [string, Setting][]) {
      const given = flags[s.flag];
      const raw = Array.isArray(given) ? given.join(';') : typeof given === 'string' ? given : env[s.env];
      if (raw === undefined || raw === '') continue;
      try {
        (groups[group] as Record<string, unknown>)[key] = s.parse(raw);
      } catch (error) {
        throw new Error(`--${s.flag} / ${s.env}: ${(error as Error).message}`);
      }
    }
  }
  const { port = 8787, host = '127.0.0.1' } = groups.listen as { port?: number; host?: string };
  const options: CollectorOptions = { ...groups[''] };
  if (Object.keys(groups.limits ?? {}).length > 0) options.limits = groups.limits as CollectorLimits;
  if (Object.keys(groups.timeouts ?? {}).length > 0) options.timeouts = groups.timeouts as CollectorTimeouts;
  return { options, listen: { port, host } };
}

/** The `--flag` definitions for `node:util` parseArgs. */
export const parseArgsOptions = () =>
  Object.fromEntries(
    SETTINGS.map((s) => [s.flag, { type: 'string' as const, ...(s.multiple ? { multiple: true } : {}) }]),
  );

export function helpText(): string {
  const rows = SETTINGS.map((s) => `  --${s.flag} <value>`.padEnd(34) + `${s.env.padEnd(30)} ${s.help}`);
  return `Options (flag, environment variable, meaning):\n${rows.join('\n')}\n  --log                           (same as --log-level info)\n  -h, --help                      show this help`;
}
