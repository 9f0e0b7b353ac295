import { createEventBus, type Unsubscribe } from '../bus';
import type { ResumablePageView } from '../capture';
import type { CaptureContext } from '../capture/context';
import type { TableOptions } from '../capture/start';
import { createConsent, initialConsent } from '../consent';
import { getDocument, getWindow, isBrowser, now } from '../env';
import { describeError } from '../errors';
import type { EnvelopedEventMap, SessionStartReason, TrackerEventType } from '../events';
import type { TrackerOptions } from '../options';
import type { AnyCustomEvents } from '../types/customEvents';
import type { Tracker } from './api';
import { createAppEvents } from './appEvents';
import { type Attachment, attach } from './attach';
import { type Lifecycle, STATUS_OF, startedState } from './lifecycle';
import type { TrackerParts } from './parts';
import { createPipeline } from './pipeline';
import { createSnapshotStore, serverSnapshotOf } from './snapshot';

/** Builds a tracker from validated options and the given parts. */
/* @__NO_SIDE_EFFECTS__ */
export function buildTracker<TEvents extends object = AnyCustomEvents>(
  options: TrackerOptions,
  parts: TrackerParts,
): Tracker<TEvents> {
  const debug = parts.debug(options.debug);
  const privacy = parts.privacy(options.privacy);
  const transports = [...(options.transport ? [options.transport] : []), ...(options.transports ?? [])];
  const serverSnapshot = serverSnapshotOf(initialConsent(options.consent ?? {}, null));
  let state: Lifecycle = 'idle';
  let refCount = 0;
  let attached: Attachment | undefined;
  // The page view a stop interrupted, resumed by the next start on the same URL in the same session.
  let interrupted: { view: ResumablePageView; sessionId: string } | null = null;

  const snapshot = createSnapshotStore(serverSnapshot, (error) =>
    // Not report(): it would update the snapshot and call the same listener again.
    pipeline.emit({ type: 'tracker:error', code: 'listener-failed', message: describeError(error) }),
  );
  const enter = (next: Lifecycle) => {
    state = next;
    snapshot.update({ status: STATUS_OF[next] });
  };
  const capturing = () => state === 'capturing';
  const usable = () => state !== 'destroyed' && isBrowser();

  const bus = createEventBus<EnvelopedEventMap>({
    onListenerError: (error, event) => {
      if (event.type !== 'tracker:error') report('listener-failed', error);
    },
  });

  function report(code: string, error: unknown) {
    const message = describeError(error);
    snapshot.update({ lastError: { code, message } });
    pipeline.emit({ type: 'tracker:error', code, message });
  }

  const delivery = parts.delivery({
    transports,
    batch: options.batch,
    settings: options.delivery,
    report: (input) => {
      if (input.type === 'transport:error')
        snapshot.update({ lastError: { code: 'transport-failed', message: input.reason } });
      pipeline.emit(input);
    },
  });

  const visitor = parts.visitor(options, snapshot, () => consent.state === 'granted' && isBrowser());

  const pipeline = createPipeline({
    bus,
    delivery,
    sessions: () => sessions,
    privacy,
    beforeSend: options.beforeSend,
    capturing,
    reportError: (error) => report('listener-failed', error),
    visitor,
    debug,
    ignored(input) {
      debug.ignored(input, { ...snapshot.get(), mode: consent.mode });
    },
  });

  const sessions = parts.sessions(options.session ?? {}, {
    onStart(session, reason, previousSessionId) {
      visitor.sessionStarted(session, reason);
      pipeline.emit(
        previousSessionId
          ? { type: 'session:start', reason, previousSessionId }
          : { type: 'session:start', reason },
        session,
      );
      snapshot.update({ sessionId: session.id });
    },
    onEnd(session, reason) {
      pipeline.emit(
        { type: 'session:end', reason, durationMs: Math.max(0, now() - session.startedAt) },
        session,
      );
    },
    onChange(session) {
      snapshot.update({ sessionId: session?.id ?? null });
    },
  });

  function on(type: TrackerEventType | '*', handler: (event: never) => void): Unsubscribe {
    return (bus.on as (type: string, handler: (event: never) => void) => Unsubscribe)(type, handler);
  }

  function activate(reason: SessionStartReason) {
    const win = getWindow();
    const doc = getDocument();
    if (capturing() || !win || !doc) return;
    enter('capturing');
    sessions.start();
    const session = sessions.ensure(false, reason);
    snapshot.update({ sessionId: session.id, tabId: sessions.tabId });
    const emit = (input: Parameters<typeof pipeline.emit>[0]) => pipeline.emit(input);
    attached = attach({
      base: {
        window: win,
        document: doc,
        privacy,
        emit,
        on: on as CaptureContext['on'],
        routes: parts.routes,
        defer: pipeline.defer,
        drain: pipeline.drain,
      },
      sources: parts.sources,
      capture: (options.capture ?? {}) as TableOptions,
      plugins: options.plugins ?? [],
      resume: interrupted?.sessionId === session.id ? interrupted.view : null,
      snapshot,
      report,
    });
    // After capture, so capture's own pagehide listeners (page:leave) run before the exit flush.
    delivery.start();
  }

  /** Detaches capture and plugins; `next` is the state the tracker goes to. */
  function deactivate(next: Lifecycle) {
    if (!capturing()) return;
    const view = attached?.detach() ?? null;
    const sessionId = snapshot.get().sessionId;
    interrupted = view && sessionId ? { view, sessionId } : null;
    attached = undefined;
    sessions.stop();
    delivery.stop();
    state = next;
  }

  const consent = createConsent(
    options.consent ?? {},
    options.session?.cookieDomain,
    (granted, previous) => {
      snapshot.update({ consent: granted });
      pipeline.emit({ type: 'consent:change', state: granted, previous });
      if (granted === 'granted' && refCount > 0) activate('consent');
      if (granted === 'denied') {
        deactivate(refCount > 0 ? 'awaiting-consent' : state);
        sessions.clear();
        visitor.clear();
        void delivery.clear();
        snapshot.update({ sessionId: null, tabId: null });
      }
    },
    parts.consentStorage,
  );
  if (isBrowser()) snapshot.update({ consent: consent.state });

  // Before consent nothing was queued, and opening the delivery store would write to storage.
  // Events held while this tab learns its session (another may be starting one) go with this flush.
  function flush(): Promise<void> {
    pipeline.drain();
    if (consent.state !== 'granted' || !isBrowser()) return Promise.resolve();
    return new Promise<void>((settled) => sessions.whenSettled(settled)).then(() => delivery.flush());
  }

  const appEvents = createAppEvents({
    privacy,
    identity: visitor.identity,
    emit: (input) => pipeline.emit(input),
    report,
    destroyed: () => state === 'destroyed',
    json: parts.json,
  });

  return {
    start() {
      if (!usable()) return;
      refCount += 1;
      if (refCount > 1) return;
      enter('awaiting-consent');
      if (startedState(consent.state) === 'capturing') activate('new');
    },
    stop() {
      if (state === 'destroyed' || refCount === 0) return;
      refCount -= 1;
      if (refCount > 0) return;
      deactivate('idle');
      enter('idle');
      void flush();
    },
    destroy() {
      if (state === 'destroyed') return;
      refCount = 0;
      deactivate('idle');
      void flush();
      enter('destroyed');
      consent.close();
      visitor.identity.close();
      bus.clear();
      snapshot.clear();
    },
    track: appEvents.track,
    page(navigation) {
      if (capturing()) attached?.pageView(navigation);
    },
    on: on as Tracker<TEvents>['on'],
    subscribe: snapshot.subscribe,
    getSnapshot: snapshot.get,
    getServerSnapshot: () => serverSnapshot,
    consent: {
      get mode() {
        return consent.mode;
      },
      get state() {
        return consent.state;
      },
      grant: () => {
        if (usable()) consent.grant();
      },
      deny: () => {
        if (usable()) consent.deny();
      },
    },
    // The catalogue's wording (~4 kB) loads only when a page asks for it.
    disclosure: () => import('@spoor/core/disclosure').then((module) => module.describeCollection(options)),
    identify: appEvents.identify,
    reset() {
      if (!capturing()) return visitor.identity.reset();
      pipeline.newPage();
      sessions.reset();
    },
    flush,
  };
}
