import { vi } from 'vitest';
import { NO_CAPTURE } from '../../../../test-utils/dom';
import { type CaptureHandle, type CaptureOptions, startCapture } from '../../src/capture';
import type { CaptureContext } from '../../src/capture/context';
import type { EventInput, EventPayload, TrackerEventType } from '../../src/events';
import { createPrivacy, type PrivacyOptions } from '../../src/privacy';

type Handler = (event: unknown) => void;

/** A capture context like the tracker's: real window, document and privacy; emitted events kept in order. */
export function createTestContext(privacyOptions: PrivacyOptions = {}) {
  const events: EventInput[] = [];
  const errors: unknown[] = [];
  const handlers = new Map<string, Set<Handler>>();
  let seq = 0;
  // Deferred work runs in a task of its own (the tracker's waits for the next paint too), or
  // earlier when the test drains it or another event is emitted, like the tracker's pipeline.
  const deferred: Array<() => void> = [];
  const drain = () => {
    for (const task of deferred.splice(0)) task();
  };
  const ctx: CaptureContext = {
    window,
    document,
    privacy: createPrivacy(privacyOptions),
    emit(event) {
      drain();
      events.push(event);
      const enveloped = {
        ...event,
        id: `e${seq}`,
        ts: Date.now(),
        sessionId: 's',
        tabId: 't',
        pageId: 'p',
        seq: seq++,
        url: location.href,
      };
      for (const handler of handlers.get(event.type) ?? []) handler(enveloped);
    },
    on(type, handler) {
      const set = handlers.get(type) ?? new Set<Handler>();
      handlers.set(type, set);
      const entry = handler as Handler;
      set.add(entry);
      return () => set.delete(entry);
    },
    reportError(error) {
      errors.push(error);
    },
    defer(task) {
      if (deferred.push(task) === 1) setTimeout(drain, 0);
    },
    drain,
  };
  const ofType = <TType extends TrackerEventType>(type: TType) =>
    events.filter((event) => event.type === type) as unknown as Array<{ type: TType } & EventPayload<TType>>;
  return { ctx, events, errors, ofType, types: () => events.map((event) => event.type) };
}

/** Starts capture with only the given sources on. */
export function startOnly(ctx: CaptureContext, options: CaptureOptions): CaptureHandle {
  return startCapture(ctx, { ...NO_CAPTURE, ...options });
}

/** Makes the tab hidden or visible the way a browser does. */
export function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Moves focus away from or back to the window. */
export function setWindowFocus(focused: boolean): void {
  vi.spyOn(document, 'hasFocus').mockReturnValue(focused);
  window.dispatchEvent(new FocusEvent(focused ? 'focus' : 'blur'));
}

/** Gives the document a height so scroll depth means something (happy-dom has no layout). */
export function setDocumentHeight(height: number): void {
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => height });
}

/** Scrolls the page and fires `scroll` like a browser does. */
export function scrollPageTo(y: number, x = 0): void {
  window.scrollTo(x, y);
  window.dispatchEvent(new Event('scroll'));
}

/** Changes the URL without going through history (like the browser's back button), then fires popstate. */
export function goBackTo(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    new URL(url, location.href).href,
  );
  window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
}

/** Undoes the per-test page state helpers above change. */
export function resetPage(): void {
  for (const key of ['visibilityState', 'hidden', 'referrer'] as const) {
    delete (document as unknown as Record<string, unknown>)[key];
  }
  delete (document.documentElement as unknown as Record<string, unknown>).scrollHeight;
  window.scrollTo(0, 0);
  document.title = '';
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
}
