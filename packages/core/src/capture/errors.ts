import { FRAMEWORK_ERROR_EVENT } from '../adapter/frameworkError';
import type { EventPayload } from '../events';
import { isPositiveInteger } from '../validate';
import type { CaptureContext } from './context';
import { listen, stopAll } from './listen';
import type { SourceDefinition } from './source';

/** Options of error capture (`capture.errors`). */
export interface ErrorCaptureOptions {
  /** Send at most this many copies of the same error per page view. @default 10 */
  maxPerMessage?: number;
}

const MAX_MESSAGE_LENGTH = 500;
const MAX_STACK_LENGTH = 4000;
/** Distinct errors remembered per page view, so a page throwing random messages cannot grow memory. */
const MAX_DISTINCT = 200;

function describeReason(reason: unknown): { message: string; stack: string | undefined } {
  if (reason instanceof Error || (typeof reason === 'object' && reason !== null && 'message' in reason)) {
    const error = reason as { name?: unknown; message?: unknown; stack?: unknown };
    const name = typeof error.name === 'string' && error.name ? `${error.name}: ` : '';
    return {
      message: `${name}${String(error.message)}`,
      stack: typeof error.stack === 'string' ? error.stack : undefined,
    };
  }
  try {
    return {
      message: typeof reason === 'string' ? reason : (JSON.stringify(reason) ?? String(reason)),
      stack: undefined,
    };
  } catch {
    return { message: Object.prototype.toString.call(reason), stack: undefined };
  }
}

/**
 * Uncaught errors and unhandled promise rejections (`error`). Messages and stacks are scrubbed,
 * sources redacted; stacks are sent only with `privacy.captureErrorStack`. The same error is
 * sent at most `maxPerMessage` times per page view.
 */
function captureErrors(ctx: CaptureContext, options: Required<ErrorCaptureOptions>): () => void {
  const { window: win, privacy } = ctx;
  const { maxPerMessage } = options;
  let counts = new Map<string, number>();

  const report = (
    kind: 'error' | 'rejection',
    rawMessage: string,
    rawStack: string | undefined,
    source: string,
    line: number,
    col: number,
  ) => {
    const key = `${kind}\n${rawMessage}\n${source}\n${line}:${col}`;
    const seen = counts.get(key) ?? 0;
    if (seen >= maxPerMessage) return;
    if (seen === 0 && counts.size >= MAX_DISTINCT) return;
    counts.set(key, seen + 1);
    const payload: EventPayload<'error'> = {
      kind,
      message: privacy.scrubText(rawMessage).slice(0, MAX_MESSAGE_LENGTH),
      source: source ? privacy.redactUrl(source) : '',
      line,
      col,
    };
    if (privacy.options.captureErrorStack && rawStack) {
      payload.stack = privacy.scrubText(rawStack).slice(0, MAX_STACK_LENGTH);
    }
    ctx.emit({ type: 'error', ...payload });
  };

  const stops = [
    // Bubble phase: resource load errors (img, script) do not bubble, so only script errors arrive.
    listen(
      ctx,
      win,
      'error',
      (event) => {
        const error = event as ErrorEvent;
        if (typeof error.message !== 'string' && !error.error) return;
        const described =
          error.error === undefined || error.error === null ? null : describeReason(error.error);
        const message = error.message || described?.message || 'Unknown error';
        report('error', message, described?.stack, error.filename ?? '', error.lineno ?? 0, error.colno ?? 0);
      },
      false,
    ),
    // Errors a framework caught, handed over by reportFrameworkError: named as an uncaught error is.
    listen(
      ctx,
      win,
      FRAMEWORK_ERROR_EVENT,
      (event) => {
        const { message, stack } = describeReason((event as CustomEvent).detail);
        report('error', message, stack, '', 0, 0);
      },
      false,
    ),
    listen(
      ctx,
      win,
      'unhandledrejection',
      (event) => {
        const { message, stack } = describeReason((event as PromiseRejectionEvent).reason);
        report('rejection', message, stack, '', 0, 0);
      },
      false,
    ),
    ctx.on('page:view', () => {
      counts = new Map();
    }),
  ];

  return () => stopAll(ctx, stops);
}

/** Uncaught errors and unhandled rejections (`capture.errors`). */
export const errors: SourceDefinition<ErrorCaptureOptions> = {
  shape: { maxPerMessage: isPositiveInteger },
  defaults: { maxPerMessage: 10 },
  start: captureErrors,
};
