import { SpoorError } from './errors';

/** One option's check: what it accepts, in words, and the test. */
export interface Rule {
  expected: string;
  test(value: unknown): boolean;
}

/** The fields an options object accepts: a rule per field, or a nested shape. */
export interface Shape {
  [field: string]: Rule | Shape;
}

const rule = (expected: string, test: (value: unknown) => boolean): Rule => ({ expected, test });
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const isBoolean = /* @__PURE__ */ rule('true or false', (value) => typeof value === 'boolean');
export const isPositive = /* @__PURE__ */ rule('a positive number', (value) => isNumber(value) && value > 0);
export const isNonNegative = /* @__PURE__ */ rule(
  'a number of 0 or more',
  (value) => isNumber(value) && value >= 0,
);
export const isPositiveInteger = /* @__PURE__ */ rule(
  'a positive whole number',
  (value) => isNumber(value) && Number.isInteger(value) && value > 0,
);
export const isNonEmptyString = /* @__PURE__ */ rule(
  'a non-empty string',
  (value) => typeof value === 'string' && value !== '',
);
export const isStringList = /* @__PURE__ */ rule(
  'an array of strings',
  (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
);
export const isFunction = /* @__PURE__ */ rule('a function', (value) => typeof value === 'function');
export const isArray = /* @__PURE__ */ rule('an array', Array.isArray);
export const oneOf = (...values: readonly (string | boolean)[]): Rule =>
  /* @__PURE__ */ rule(
    `one of ${values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(', ')}`,
    (value) => values.includes(value as string | boolean),
  );
/** A field checked by its own module (capture, delivery): here only its presence is allowed. */
export const checkedElsewhere = /* @__PURE__ */ rule('', () => true);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** Throws the `invalid-option` SpoorError for `option`. */
export function fail(option: string, message: string): never {
  throw new SpoorError('invalid-option', message, option);
}

/** Throws "`option` must be `expected`, got `value`". */
export function invalid(option: string, expected: string, value: unknown): never {
  fail(option, `${option} must be ${expected}, got ${show(value)}`);
}

const isRule = (spec: Rule | Shape): spec is Rule => typeof spec.test === 'function';

/**
 * Checks an options object against its shape and throws a SpoorError naming the first bad or
 * unknown field (unknown fields are errors, so typos do not pass silently).
 * `path` prefixes field names (`''` at the top level); `owner` names the object in messages.
 */
export function checkFields(path: string, value: unknown, shape: Shape, owner = path): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) invalid(path || owner, 'an object', value);
  for (const [key, field] of Object.entries(value)) {
    const fieldPath = path ? `${path}.${key}` : key;
    const spec = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!spec) {
      fail(
        fieldPath,
        `${fieldPath} is not an option of ${owner} (expected one of: ${Object.keys(shape).join(', ')})`,
      );
    }
    if (field === undefined) continue;
    if (!isRule(spec)) checkFields(fieldPath, field, spec);
    else if (!spec.test(field)) invalid(fieldPath, spec.expected, field);
  }
}
