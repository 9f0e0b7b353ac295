import type { NavigationKind } from '../events';
import { withDefaults } from '../shared/defaults';
import { checkFields, fail, invalid, isPlainObject, type Shape } from '../validate';
import type { CaptureContext } from './context';
import { guard, stopAll } from './listen';
import { captureNavigation, type PageViewOptions, pageViews, type ResumablePageView } from './navigation';
import type { CaptureTable } from './sources';

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

/** `capture` options for page views and the sources of a table. */
export type TableOptions = { pageViews?: boolean | PageViewOptions } & Record<string, unknown>;

/**
 * Checks `capture` options against page views and the table, and throws a SpoorError
 * (`invalid-option`) naming the first bad option. Unknown keys are errors, so typos do not pass.
 */
export function validateSources(options: unknown, table: CaptureTable): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) invalid('capture', 'an object', options);
  const shapes: Record<string, Shape> = { pageViews: pageViews.shape };
  for (const [name, source] of Object.entries(table)) shapes[name] = source.shape;
  const names = Object.keys(shapes);
  for (const [name, value] of Object.entries(options)) {
    const path = `capture.${name}`;
    const shape = shapes[name];
    if (!shape) fail(path, `${path} is not a capture option (expected one of: ${names.join(', ')})`);
    if (value === undefined || typeof value === 'boolean') continue;
    if (!isPlainObject(value) || Object.keys(shape).length === 0) {
      const accepted =
        Object.keys(shape).length === 0 ? 'true or false' : 'true, false or an object of options';
      invalid(path, accepted, value);
    }
    checkFields(path, value, shape);
  }
}

const optionsOf = (value: unknown): object | undefined =>
  typeof value === 'object' && value !== null ? value : undefined;

/**
 * Starts page views, then every source of the table not turned off, and returns the handle that
 * stops them. Never throws: a source failing to start is reported and the others still run.
 */
export function startSources(
  ctx: CaptureContext,
  options: TableOptions,
  resume: ResumablePageView | null,
  table: CaptureTable,
): CaptureHandle {
  const stops: Array<() => void> = [];
  const navigation = (() => {
    try {
      const settings = withDefaults<PageViewOptions>(pageViews.defaults, optionsOf(options.pageViews));
      return captureNavigation(ctx, { auto: options.pageViews !== false, ...settings, resume });
    } catch (error) {
      ctx.reportError(error);
      return null;
    }
  })();
  if (navigation) stops.push(() => navigation.stop());

  for (const [name, source] of Object.entries(table)) {
    const value = options[name];
    if (value === false) continue;
    try {
      stops.push(source.start(ctx, withDefaults(source.defaults, optionsOf(value))));
    } catch (error) {
      ctx.reportError(error);
    }
  }

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
