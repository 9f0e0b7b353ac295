import type { NavigationKind } from '../events';
import {
  checkFields,
  fail,
  invalid,
  isBoolean,
  isNonNegative,
  isPlainObject,
  isPositive,
  isPositiveInteger,
  type Shape,
} from '../validate';
import { type ClickOptions, captureClicks } from './clicks';
import type { CaptureContext } from './context';
import { captureErrors, type ErrorCaptureOptions } from './errors';
import { captureInputs, type InputOptions } from './inputs';
import { guard, stopAll } from './listen';
import { captureNavigation, type PageViewOptions, type ResumablePageView } from './navigation';
import { capturePointer, type PointerOptions } from './pointer';
import { captureScroll, type ScrollOptions } from './scroll';
import { captureVisibility } from './visibility';

export type { CaptureContext, CaptureSource } from './context';
export type { ResumablePageView } from './navigation';
export type {
  ClickOptions,
  ErrorCaptureOptions,
  InputOptions,
  PageViewOptions,
  PointerOptions,
  ScrollOptions,
};

/**
 * What the tracker records by itself. Each source is on by default; `false` turns it off, an
 * object turns it on with options.
 *
 * @example
 * createTracker({ capture: { pointer: { sampleMs: 100 }, inputs: false } })
 */
export interface CaptureOptions {
  /**
   * Page views (`page:view`) on the first load and on every SPA navigation, and `page:leave`
   * with time on page and engaged time. When off, `tracker.page()` still records page views.
   * @default true
   */
  pageViews?: boolean | PageViewOptions;
  /** Clicks (`click`), rage clicks (`click:rage`) and dead clicks (`click:dead`). @default true */
  clicks?: boolean | ClickOptions;
  /** Sampled, batched pointer movement (`pointer:move`). @default true */
  pointer?: boolean | PointerOptions;
  /** Throttled page scrolling (`scroll`). @default true */
  scroll?: boolean | ScrollOptions;
  /** Committed form values (`input`, masked by default) and form submissions (`form:submit`). @default true */
  inputs?: boolean | InputOptions;
  /** Tab hidden and shown (`visibility`). @default true */
  visibility?: boolean;
  /** Uncaught errors and unhandled rejections (`error`). @default true */
  errors?: boolean | ErrorCaptureOptions;
}

/** Running capture, as the tracker holds it. */
export interface CaptureHandle {
  /** Detaches every source; ends the current page view with `page:leave`. Calling it twice is harmless. */
  stop(): void;
  /**
   * Records a page view for the current URL now (for routers), even with automatic page views
   * off. Does nothing when the URL is the one already recorded.
   * @default navigation 'load' for the first page view, 'push' after that
   */
  pageView(navigation?: NavigationKind): void;
  /** The page view in progress, to hand to the next `startCapture` on the same page. */
  currentPageView(): ResumablePageView | null;
}

/** Every source and the options it accepts. */
const SCHEMA = {
  pageViews: { hashChanges: isBoolean, idleMs: isPositive },
  visibility: {},
  clicks: { rage: isBoolean, dead: isBoolean },
  pointer: { sampleMs: isPositive, flushMs: isPositive, maxPoints: isPositiveInteger },
  scroll: { throttleMs: isNonNegative },
  inputs: { forms: isBoolean },
  errors: { maxPerMessage: isPositiveInteger },
} as const satisfies Record<keyof CaptureOptions, Shape>;

/**
 * Checks `capture` options and throws a {@link SpoorError} (`invalid-option`) naming the first
 * bad option and what it accepts. Unknown keys are errors too, so typos do not pass silently.
 *
 * @example
 * validateCaptureOptions({ pointer: { sampleMs: 'x' } })
 * // SpoorError: [spoor] capture.pointer.sampleMs must be a positive number, got "x"
 */
export function validateCaptureOptions(options: unknown): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) invalid('capture', 'an object', options);
  const sources = Object.keys(SCHEMA);
  for (const [name, value] of Object.entries(options)) {
    const path = `capture.${name}`;
    if (!Object.hasOwn(SCHEMA, name)) {
      fail(path, `${path} is not a capture option (expected one of: ${sources.join(', ')})`);
    }
    if (value === undefined || typeof value === 'boolean') continue;
    const shape: Shape = SCHEMA[name as keyof typeof SCHEMA];
    if (!isPlainObject(value) || Object.keys(shape).length === 0) {
      const accepted =
        Object.keys(shape).length === 0 ? 'true or false' : 'true, false or an object of options';
      invalid(path, accepted, value);
    }
    checkFields(path, value, shape);
  }
}

/** `false` → off; `true`/missing → on with defaults; an object → on with those options. */
function settingsOf<TOptions extends object>(value: boolean | TOptions | undefined): TOptions | null {
  if (value === false) return null;
  if (value === true || value === undefined) return {} as TOptions;
  return value;
}

/**
 * Starts the enabled capture sources (page views first, so later events of the first page belong
 * to it) and returns the handle that stops them. Never throws: a source failing to start is
 * reported through `ctx.reportError` and the others still run.
 *
 * @example
 * const capture = startCapture(ctx, { pointer: false });
 * capture.pageView('push');
 * capture.stop();
 */
export function startCapture(
  ctx: CaptureContext,
  options: CaptureOptions = {},
  resume: ResumablePageView | null = null,
): CaptureHandle {
  const stops: Array<() => void> = [];
  const start = (begin: () => () => void) => {
    try {
      stops.push(begin());
    } catch (error) {
      ctx.reportError(error);
    }
  };

  const pageViews = settingsOf(options.pageViews);
  const navigation = (() => {
    try {
      return captureNavigation(ctx, {
        auto: pageViews !== null,
        hashChanges: pageViews?.hashChanges ?? true,
        idleMs: pageViews?.idleMs ?? 30_000,
        resume,
      });
    } catch (error) {
      ctx.reportError(error);
      return null;
    }
  })();
  if (navigation) stops.push(() => navigation.stop());

  if (options.visibility !== false) start(() => captureVisibility(ctx));
  const clicks = settingsOf(options.clicks);
  if (clicks) start(() => captureClicks(ctx, clicks));
  const pointer = settingsOf(options.pointer);
  if (pointer) start(() => capturePointer(ctx, pointer));
  const scroll = settingsOf(options.scroll);
  if (scroll) start(() => captureScroll(ctx, scroll));
  const inputs = settingsOf(options.inputs);
  if (inputs) start(() => captureInputs(ctx, inputs));
  const errors = settingsOf(options.errors);
  if (errors) start(() => captureErrors(ctx, errors));

  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      stopAll(ctx, stops);
    },
    pageView: guard(ctx, (kind?: NavigationKind) => {
      if (!stopped) navigation?.pageView(kind);
    }),
    currentPageView: () => navigation?.current() ?? null,
  };
}
