import { createEventBus, type Unsubscribe } from './bus';
import { type CaptureHandle, type ResumablePageView, startCapture, validateCaptureOptions } from './capture';
import type { CaptureContext } from './capture/context';
import { type Consent, createConsent, initialConsent } from './consent';
import { describeIgnored } from './debug/format';
import { createDebugLog } from './debug/log';
import { createDelivery, type Delivery } from './delivery/queue';
import { checkSettings } from './delivery/settings';
import { type Disclosure, describeCollection } from './disclosure/describe';
import { currentUrl, getDocument, getWindow, isBrowser, now } from './env';
import { describeError } from './errors';
import {
  type EnvelopedEventMap,
  EVENT_TRAITS,
  type EventInput,
  type EventOfType,
  type NavigationKind,
  type SessionStartReason,
  type TrackerEvent,
  type TrackerEventType,
} from './events';
import { createId } from './id';
import { checkIdentify } from './identity/identify';
import { createIdentity } from './identity/visitor';
import { type TrackerOptions, validateOptions } from './options';
import { visitorSnapshot } from './personal/snapshot';
import { createSessionFacts, NO_SESSION_FACTS } from './personal/visit';
import type { PluginContext, TrackerSnapshot } from './plugin';
import { createPrivacy } from './privacy';
import { createSessionManager, type Session, type SessionManager } from './session';
import { checkCustomEvent } from './track';
import type { AnyCustomEvents, CustomEventName, CustomEventProps } from './types/customEvents';

/** A running (or not yet started) tracker. Create one with {@link createTracker}. */
export interface Tracker<TEvents extends object = AnyCustomEvents> {
  /** Starts capture (ref-counted: each `start` needs its `stop`). Does nothing on the server. */
  start(): void;
  /** Undoes one `start`; the last one detaches everything and flushes what is waiting. */
  stop(): void;
  /** Stops for good and drops every listener. */
  destroy(): void;
  /** Records a custom event. Never throws: what JSON cannot hold drops the event with a `tracker:error`. */
  track<TName extends CustomEventName<TEvents>>(
    name: TName,
    ...props: CustomEventProps<TEvents, TName>
  ): void;
  /** Records a page view for the current URL now (for routers); the same URL is never counted twice. */
  page(navigation?: NavigationKind): void;
  /** Listens to one event type, or `'*'` for all; returns an unsubscribe. */
  on<TType extends TrackerEventType>(type: TType, handler: (event: EventOfType<TType>) => void): Unsubscribe;
  on(type: '*', handler: (event: TrackerEvent) => void): Unsubscribe;
  /** Calls `listener` whenever the snapshot changes. Bound: safe to pass around. */
  subscribe(listener: () => void): Unsubscribe;
  /** The current UI state; the same object until something changes. */
  getSnapshot(): TrackerSnapshot;
  /** The snapshot to render on the server (constant). */
  getServerSnapshot(): TrackerSnapshot;
  /** The consent state machine. */
  readonly consent: Pick<Consent, 'grant' | 'deny' | 'state' | 'mode'>;
  /**
   * Links this visitor to the app's own user id (sent on every later event as `userId`); `traits`
   * go through the same conversion and scrubbing as `track()` props. Never throws.
   */
  identify(userId: string, traits?: Record<string, unknown>): void;
  /** What this configuration collects, stores and where it sends it, for a privacy page. */
  disclosure(): Disclosure;
  /** For logout: forgets the user, and starts a new visitor id and a new session. */
  reset(): void;
  /** Sends everything waiting. */
  flush(): Promise<void>;
}

/**
 * Creates a tracker. Validates the options (a SpoorError names a bad one) and touches no
 * browser state until `start()`.
 *
 * @example
 * const tracker = createTracker({ transport: createHttpTransport({ url: '/spoor/collect' }) });
 * tracker.start();
 * tracker.track('plan_chosen', { plan: 'pro' });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTracker<TEvents extends object = AnyCustomEvents>(
  options: TrackerOptions = {},
): Tracker<TEvents> {
  const debug = createDebugLog((options as { debug?: boolean } | undefined)?.debug);
  try {
    validateOptions(options);
    validateCaptureOptions(options.capture);
    checkSettings(options.delivery);
  } catch (error) {
    debug.line(`createTracker: ${describeError(error).replace(/^\[spoor\] /, '')}`);
    throw error;
  }
  const privacy = createPrivacy(options.privacy);
  const transports = [...(options.transport ? [options.transport] : []), ...(options.transports ?? [])];
  const snapshotListeners = new Set<() => void>();
  const serverSnapshot: TrackerSnapshot = Object.freeze({
    sessionId: null,
    tabId: null,
    consent: initialConsent(options.consent ?? {}, null),
    status: 'idle',
    lastError: null,
    ...visitorSnapshot(null),
    ...NO_SESSION_FACTS,
  });
  let snapshot = serverSnapshot;
  let refCount = 0;
  let destroyed = false;
  let active = false;
  let capture: CaptureHandle | undefined;
  let teardowns: Array<() => void> = [];
  let pageId = createId();
  // The page view a stop interrupted, resumed by the next start on the same URL in the same session.
  let interrupted: { view: ResumablePageView; sessionId: string } | null = null;

  const update = (patch: Partial<TrackerSnapshot>) => {
    const next = { ...snapshot, ...patch };
    const keys = Object.keys(patch) as Array<keyof TrackerSnapshot>;
    if (keys.every((key) => next[key] === snapshot[key])) return;
    snapshot = Object.freeze(next);
    for (const listener of [...snapshotListeners]) {
      try {
        listener();
      } catch (error) {
        // Not report(): it would update the snapshot and call the same listener again.
        emitLocal({ type: 'tracker:error', code: 'listener-failed', message: describeError(error) });
      }
    }
  };

  const bus = createEventBus<EnvelopedEventMap>({
    onListenerError: (error, event) => {
      if (event.type !== 'tracker:error') report('listener-failed', error);
    },
  });

  function report(code: string, error: unknown) {
    const message = describeError(error);
    update({ lastError: { code, message } });
    emitLocal({ type: 'tracker:error', code, message });
  }

  // Redacting is not free and the URL rarely changes: keep the last answer.
  let lastHref = '';
  let lastUrl = '';
  const redactedUrl = () => {
    const href = currentUrl();
    if (href !== lastHref) {
      lastHref = href;
      lastUrl = privacy.redactUrl(href);
    }
    return lastUrl;
  };

  // The URL of the current page view: a page:leave carries it even when the address bar has
  // already moved on to the next page.
  let pageUrl = '';

  const envelope = (session: Session | null, url = redactedUrl(), local = false) => ({
    id: createId(),
    ts: now(),
    sessionId: session?.id ?? '',
    tabId: active ? sessions.tabId : '',
    pageId,
    seq: active && !local ? sessions.nextSeq() : -1,
    url,
    ...(local || !session ? {} : identity.fields(session.id)),
  });

  // Local events (consent, transport and tracker errors) reach listeners but never a transport,
  // and take no sequence number, so the numbers a server sees have no gaps.
  function emitLocal(input: EventInput) {
    debug.event(input);
    bus.emit({
      ...input,
      ...envelope(active ? sessions.current() : null, redactedUrl(), true),
    } as TrackerEvent);
  }

  const deliver = (event: TrackerEvent) => {
    let final: TrackerEvent | null | undefined = event;
    if (options.beforeSend) {
      try {
        final = options.beforeSend(event);
      } catch (error) {
        // A throwing beforeSend drops the event: sending what it meant to filter would be worse.
        report('listener-failed', error);
        return;
      }
    }
    if (!final) return debug.line(`a ${event.type} event was dropped by beforeSend`);
    bus.emit(final);
    delivery.enqueue(final);
  };

  const emitForSession = (input: EventInput, session: Session) => {
    if (input.type === 'page:view') pageUrl = redactedUrl();
    const url = input.type === 'page:leave' && pageUrl ? pageUrl : redactedUrl();
    const facts = sessionFacts.observe(input, session.id, currentUrl());
    if (facts) update(facts);
    deliver({ ...input, ...envelope(session, url) } as TrackerEvent);
  };

  const sessionFacts = createSessionFacts();
  const identity = createIdentity(
    options.visitor,
    { preferred: options.session?.storage ?? 'cookie', cookieDomain: options.session?.cookieDomain },
    () => consent.state === 'granted' && isBrowser(),
    () => update(visitorSnapshot(identity.facts())),
  );

  const sessions: SessionManager = createSessionManager(options.session ?? {}, {
    onStart(session, reason, previousSessionId) {
      if (reason === 'reset') identity.reset();
      identity.sessionStarted(session.id);
      emitForSession(
        previousSessionId
          ? { type: 'session:start', reason, previousSessionId }
          : { type: 'session:start', reason },
        session,
      );
      update({ sessionId: session.id });
    },
    onEnd(session, reason) {
      emitForSession(
        { type: 'session:end', reason, durationMs: Math.max(0, now() - session.startedAt) },
        session,
      );
    },
    onChange(session) {
      update({ sessionId: session?.id ?? null });
    },
  });

  const delivery: Delivery = createDelivery({
    transports,
    batch: options.batch,
    settings: options.delivery,
    report: (input) => {
      if (input.type === 'transport:error')
        update({ lastError: { code: 'transport-failed', message: input.reason } });
      emitLocal(input);
    },
  });

  function emit(input: EventInput) {
    if (destroyed) return;
    const traits = EVENT_TRAITS[input.type];
    if (!traits.deliver) return emitLocal(input);
    if (!active) {
      if (debug.on) debug.line(describeIgnored(input, { ...snapshot, mode: consent.mode }));
      return;
    }
    // Only the visitor's own activity starts a new session; a page:leave, an error or a replay
    // chunk after the session expired still belongs to the session that expired.
    const session = traits.activity ? sessions.ensure(true) : sessions.peek();
    if (input.type === 'page:view') pageId = createId();
    emitForSession(input, session);
  }

  function on(type: TrackerEventType | '*', handler: (event: never) => void): Unsubscribe {
    return (bus.on as (type: string, handler: (event: never) => void) => Unsubscribe)(type, handler);
  }

  function activate(reason: SessionStartReason) {
    const win = getWindow();
    const doc = getDocument();
    if (active || !win || !doc) return;
    active = true;
    sessions.start();
    const session = sessions.ensure(false, reason);
    update({ sessionId: session.id, tabId: sessions.tabId });
    const base = { window: win, document: doc, privacy, emit, on: on as CaptureContext['on'] };
    try {
      const resume = interrupted?.sessionId === session.id ? interrupted.view : null;
      capture = startCapture(
        { ...base, reportError: (error) => report('capture-failed', error) },
        options.capture,
        resume,
      );
    } catch (error) {
      report('capture-failed', error);
    }
    for (const plugin of options.plugins ?? []) {
      const ctx: PluginContext = {
        ...base,
        on: on as PluginContext['on'],
        getSnapshot: () => snapshot,
        subscribe,
        reportError: (error) => report('plugin-failed', `${plugin.name}: ${describeError(error)}`),
      };
      try {
        const teardown = plugin.setup(ctx);
        if (typeof teardown === 'function') teardowns.push(teardown);
      } catch (error) {
        ctx.reportError(error);
      }
    }
    // After capture, so capture's own pagehide listeners (page:leave) run before the exit flush.
    delivery.start();
  }

  function deactivate() {
    if (!active) return;
    for (const teardown of teardowns.reverse()) {
      try {
        teardown();
      } catch (error) {
        report('plugin-failed', error);
      }
    }
    teardowns = [];
    try {
      const view = capture?.currentPageView() ?? null;
      const sessionId = snapshot.sessionId;
      interrupted = view && sessionId ? { view, sessionId } : null;
      capture?.stop();
    } catch (error) {
      report('capture-failed', error);
    }
    capture = undefined;
    sessions.stop();
    delivery.stop();
    active = false;
  }

  const consent = createConsent(options.consent ?? {}, options.session?.cookieDomain, (state, previous) => {
    update({ consent: state });
    emitLocal({ type: 'consent:change', state, previous });
    if (state === 'granted' && refCount > 0) activate('consent');
    if (state === 'denied') {
      deactivate();
      sessions.clear();
      identity.clear();
      sessionFacts.clear();
      update(NO_SESSION_FACTS);
      void delivery.clear();
      update({ sessionId: null, tabId: null });
    }
  });
  if (isBrowser()) update({ consent: consent.state });

  // Before consent nothing was queued, and opening the delivery store would write to storage.
  function flush(): Promise<void> {
    return consent.state === 'granted' && isBrowser() ? delivery.flush() : Promise.resolve();
  }

  function subscribe(listener: () => void): Unsubscribe {
    snapshotListeners.add(listener);
    return () => {
      snapshotListeners.delete(listener);
    };
  }

  return {
    start() {
      if (destroyed || !isBrowser()) return;
      refCount += 1;
      if (refCount > 1) return;
      update({ status: 'running' });
      if (consent.state === 'granted') activate('new');
    },
    stop() {
      if (destroyed || refCount === 0) return;
      refCount -= 1;
      if (refCount > 0) return;
      deactivate();
      update({ status: 'idle' });
      void flush();
    },
    destroy() {
      if (destroyed) return;
      refCount = 0;
      deactivate();
      void flush();
      update({ status: 'destroyed' });
      destroyed = true;
      bus.clear();
      snapshotListeners.clear();
    },
    track(name: string, props?: unknown) {
      if (destroyed) return;
      const checked = checkCustomEvent(name, props);
      if (!checked.ok) return report('invalid-event', checked.message);
      emit({
        type: 'custom',
        name: privacy.scrubText(checked.name),
        props: privacy.scrubValue(checked.props),
      });
    },
    page(navigation) {
      if (active) capture?.pageView(navigation);
    },
    on: on as Tracker['on'],
    subscribe,
    getSnapshot: () => snapshot,
    getServerSnapshot: () => serverSnapshot,
    consent: {
      get mode() {
        return consent.mode;
      },
      get state() {
        return consent.state;
      },
      grant: () => {
        if (!destroyed && isBrowser()) consent.grant();
      },
      deny: () => {
        if (!destroyed && isBrowser()) consent.deny();
      },
    },
    disclosure: () => describeCollection(options),
    identify(userId, traits) {
      if (destroyed) return;
      const checked = checkIdentify(userId, traits);
      if (!checked.ok) return report('invalid-event', checked.message);
      identity.setUser(checked.userId);
      emit({ type: 'identify', userId: checked.userId, traits: privacy.scrubValue(checked.traits) });
    },
    reset() {
      if (!active) return identity.reset();
      pageId = createId();
      sessions.reset();
    },
    flush,
  };
}
