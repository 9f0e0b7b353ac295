import type { CaptureOptions } from './capture';
import type { ConsentOptions } from './consent';
import type { BatchOptions, DeliverySettings } from './delivery/queue';
import { SpoorError } from './errors';
import type { TrackerEvent } from './events';
import type { TrackerPlugin } from './plugin';
import type { PrivacyOptions } from './privacy';
import type { SessionOptions } from './session';
import type { Transport } from './transports/transport';

/** Everything `createTracker` accepts. Every field is optional; the defaults are the safe side. */
export interface TrackerOptions {
  /** Where batches go. Use `transports` for several backends at once. @default none: events stay on the bus */
  transport?: Transport;
  /** Several transports, each with its own queue. @default [] */
  transports?: Transport[];
  /** Session lifetime and storage. */
  session?: SessionOptions;
  /** Which capture sources run. @default every source on */
  capture?: CaptureOptions;
  /** Masking, blocking and scrubbing. */
  privacy?: PrivacyOptions;
  /** Consent mode and browser signals. @default { mode: 'opt-out', respectGlobalPrivacyControl: true } */
  consent?: ConsentOptions;
  /** When batches are sent. */
  batch?: BatchOptions;
  /** Retries and offline persistence. */
  delivery?: DeliverySettings;
  /** Runs last on every event that would be sent; return null to drop it. @default undefined */
  beforeSend?: (event: TrackerEvent) => TrackerEvent | null | undefined;
  /** Plugins such as session replay. @default [] */
  plugins?: TrackerPlugin[];
}

type Check = (value: unknown) => string | null;

const bool: Check = (v) => (typeof v === 'boolean' ? null : 'a boolean');
const positive: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : 'a positive number';
const string: Check = (v) => (typeof v === 'string' && v.length > 0 ? null : 'a non-empty string');
const stringList: Check = (v) =>
  Array.isArray(v) && v.every((item) => typeof item === 'string') ? null : 'an array of strings';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `one of ${values.map((x) => `'${x}'`).join(', ')}`;
const fn: Check = (v) => (typeof v === 'function' ? null : 'a function');
const transport: Check = (v) =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Transport).send === 'function' &&
  typeof (v as Transport).name === 'string'
    ? null
    : 'a transport ({ name, send(batch, options) })';

const SCHEMA = {
  session: {
    idleTimeoutMs: positive,
    maxDurationMs: positive,
    storage: oneOf('cookie', 'localStorage', 'memory'),
    cookieDomain: string,
    cookieName: string,
  },
  privacy: {
    maskAllInputs: bool,
    maskAllText: bool,
    maskSelector: string,
    blockSelector: string,
    unmaskSelector: string,
    redactQueryParams: stringList,
    allowQueryParams: stringList,
    captureErrorStack: bool,
  },
  consent: {
    mode: oneOf('opt-in', 'opt-out'),
    respectGlobalPrivacyControl: bool,
    cookieName: string,
    rememberForMs: positive,
  },
  batch: { maxEvents: positive, maxBytes: positive, flushIntervalMs: positive },
} satisfies Record<string, Record<string, Check>>;

const TOP_LEVEL = [
  'transport',
  'transports',
  'capture',
  'delivery',
  'beforeSend',
  'plugins',
  ...Object.keys(SCHEMA),
];

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function invalid(option: string, expected: string, value: unknown): SpoorError {
  return new SpoorError(
    'invalid-option',
    `option "${option}" must be ${expected}, got ${show(value)}`,
    option,
  );
}

function checkObject(path: string, value: unknown, fields: Record<string, Check>): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(path, 'an object', value);
  for (const [key, field] of Object.entries(value)) {
    const check = fields[key];
    if (!check) {
      throw new SpoorError(
        'invalid-option',
        `unknown option "${path}.${key}"; accepted: ${Object.keys(fields).join(', ')}`,
        `${path}.${key}`,
      );
    }
    if (field === undefined) continue;
    const expected = check(field);
    if (expected) throw invalid(`${path}.${key}`, expected, field);
  }
}

/** Throws a SpoorError naming the first bad option and what it accepts. Capture and delivery check their own. */
export function validateOptions(options: unknown): asserts options is TrackerOptions {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalid('options', 'an object', options);
  }
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL.includes(key)) {
      throw new SpoorError(
        'invalid-option',
        `unknown option "${key}"; accepted: ${TOP_LEVEL.join(', ')}`,
        key,
      );
    }
  }
  for (const [key, fields] of Object.entries(SCHEMA)) checkObject(key, record[key], fields);
  if (record.transport !== undefined && transport(record.transport)) {
    throw invalid('transport', transport(record.transport) as string, record.transport);
  }
  if (record.transports !== undefined) {
    if (!Array.isArray(record.transports))
      throw invalid('transports', 'an array of transports', record.transports);
    record.transports.forEach((item, index) => {
      const expected = transport(item);
      if (expected) throw invalid(`transports[${index}]`, expected, item);
    });
  }
  if (record.beforeSend !== undefined && fn(record.beforeSend))
    throw invalid('beforeSend', 'a function', record.beforeSend);
  if (record.plugins !== undefined) {
    if (!Array.isArray(record.plugins)) throw invalid('plugins', 'an array of plugins', record.plugins);
    record.plugins.forEach((plugin, index) => {
      const ok =
        typeof plugin === 'object' &&
        plugin !== null &&
        typeof plugin.setup === 'function' &&
        typeof plugin.name === 'string';
      if (!ok) throw invalid(`plugins[${index}]`, 'a plugin ({ name, setup(ctx) })', plugin);
    });
  }
}
