import type { ClickOptions } from './clicks';
import type { CaptureContext } from './context';
import type { ErrorCaptureOptions } from './errors';
import type { InputOptions } from './inputs';
import type { PageViewOptions, ResumablePageView } from './navigation';
import { watchNavigationApi } from './navigationApi';
import type { PointerOptions } from './pointer';
import type { ScrollOptions } from './scroll';
import { CAPTURE_SOURCES } from './sources';
import { type CaptureHandle, startSources, validateSources } from './start';

export type { CaptureContext } from './context';
export type { ResumablePageView } from './navigation';
export type { CaptureHandle } from './start';
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

/**
 * Checks `capture` options and throws a {@link SpoorError} (`invalid-option`) naming the first
 * bad option and what it accepts. Unknown keys are errors too, so typos do not pass silently.
 *
 * @example
 * validateCaptureOptions({ pointer: { sampleMs: 'x' } })
 * // SpoorError: [spoor] capture.pointer.sampleMs must be a positive number, got "x"
 */
export function validateCaptureOptions(options: unknown): void {
  validateSources(options, CAPTURE_SOURCES);
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
  return startSources(
    { routes: watchNavigationApi, ...ctx },
    options as Record<string, unknown>,
    resume,
    CAPTURE_SOURCES,
  );
}
