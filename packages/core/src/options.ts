import type { CaptureOptions } from './capture';
import type { ConsentOptions } from './consent';
import type { BatchOptions, DeliverySettings } from './delivery/options';
import type { TrackerEvent } from './events';
import type { VisitorOptions } from './identity/visitor';
import type { TrackerPlugin } from './plugin';
import type { PrivacyOptions } from './privacy';
import type { SessionOptions } from './session/options';
import type { Transport } from './transports/transport';
import {
  checkedElsewhere,
  checkFields,
  invalid,
  isArray,
  isBoolean,
  isFunction,
  isNonEmptyString,
  isPlainObject,
  isPositive,
  isStringList,
  oneOf,
  type Rule,
  type Shape,
} from './validate';

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
  /** The persistent first-party visitor id. @default { enabled: true, maxAgeDays: 395 } */
  visitor?: VisitorOptions;
  /** Print every rejected option, dropped event and failed delivery to the console. Also on with `?spoor_debug=1` or `localStorage.spoor_debug = '1'`. @default false */
  debug?: boolean;
}

export const transport: Rule = {
  expected: 'a transport ({ name, send(batch, options) })',
  test: (value) => isPlainObject(value) && typeof value.send === 'function' && typeof value.name === 'string',
};
const plugin: Rule = {
  expected: 'a plugin ({ name, setup(ctx) })',
  test: (value) =>
    isPlainObject(value) && typeof value.setup === 'function' && typeof value.name === 'string',
};

/** Shared with `@spoor/core/lite`, whose consent options are the same. */
export const consentShape = {
  mode: /* @__PURE__ */ oneOf('opt-in', 'opt-out'),
  respectGlobalPrivacyControl: isBoolean,
  cookieName: isNonEmptyString,
  rememberForMs: isPositive,
};

const SHAPE = {
  transport,
  transports: isArray,
  session: {
    idleTimeoutMs: isPositive,
    maxDurationMs: isPositive,
    storage: /* @__PURE__ */ oneOf('cookie', 'localStorage', 'memory'),
    cookieDomain: isNonEmptyString,
    cookieName: isNonEmptyString,
  },
  capture: checkedElsewhere,
  privacy: {
    maskAllInputs: isBoolean,
    maskAllText: isBoolean,
    maskSelector: isNonEmptyString,
    blockSelector: isNonEmptyString,
    unmaskSelector: isNonEmptyString,
    redactQueryParams: isStringList,
    allowQueryParams: isStringList,
    captureErrorStack: isBoolean,
  },
  consent: consentShape,
  batch: { maxEvents: isPositive, maxBytes: isPositive, flushIntervalMs: isPositive },
  delivery: checkedElsewhere,
  beforeSend: isFunction,
  plugins: isArray,
  debug: isBoolean,
  visitor: {
    enabled: isBoolean,
    maxAgeDays: {
      expected: 'a number of days from 1 to 395 (13 months)',
      test: (value) => typeof value === 'number' && value >= 1 && value <= 395,
    },
    cookieName: isNonEmptyString,
  },
} satisfies Record<keyof TrackerOptions, Rule | Shape>;

/** Throws a SpoorError naming the first bad option and what it accepts. Capture and delivery check their own. */
export function validateOptions(options: unknown): asserts options is TrackerOptions {
  if (options === undefined) return;
  checkFields('', options, SHAPE, 'createTracker');
  checkLists(options as TrackerOptions);
}

/** Checks each of `transports` and `plugins`, naming the bad one by its index. */
export function checkLists({ transports, plugins }: Pick<TrackerOptions, 'transports' | 'plugins'>): void {
  transports?.forEach((item, index) => {
    if (!transport.test(item)) invalid(`transports[${index}]`, transport.expected, item);
  });
  plugins?.forEach((item, index) => {
    if (!plugin.test(item)) invalid(`plugins[${index}]`, plugin.expected, item);
  });
}
