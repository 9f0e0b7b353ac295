import type { EventBus } from '../bus';
import type { DebugLog } from '../debug/log';
import type { Delivery } from '../delivery/delivery';
import { currentUrl, now } from '../env';
import { type EnvelopedEventMap, EVENT_TRAITS, type EventInput, type TrackerEvent } from '../events';
import { createId } from '../id';
import type { Privacy } from '../privacy';
import type { SessionManager } from '../session/api';
import type { Session } from '../session/codec';
import { createDeferred } from './deferred';
import type { VisitorState } from './visitor';

export interface PipelineOptions {
  bus: EventBus<EnvelopedEventMap>;
  delivery: Delivery;
  /** Read lazily: the session manager is created after the pipeline (its callbacks emit). */
  sessions(): SessionManager;
  privacy: Privacy;
  beforeSend: ((event: TrackerEvent) => TrackerEvent | null | undefined) | undefined;
  /** Capture is on: events get a tab, a sequence number and a session. */
  capturing(): boolean;
  /** A throwing beforeSend. */
  reportError(error: unknown): void;
  /** Gives sent events their `visitorId` and `userId`, and sees each before it is sent. */
  visitor: Pick<VisitorState, 'identity' | 'observe'>;
  debug: DebugLog;
  /** An event dropped because the tracker is not capturing (said when debugging). */
  ignored(input: EventInput): void;
}

/** The one path every event takes: envelope, then (if it is sent) beforeSend, the bus and delivery. */
export interface Pipeline {
  /**
   * Local events (consent, errors) reach listeners only and take no sequence number, so the
   * numbers a server sees have no gaps. Others are dropped unless capturing; `session` is given
   * by the session manager's own events, else activity picks (or starts) the session.
   */
  emit(input: EventInput, session?: Session): void;
  /** The next event opens a new page view id (reset, logout). */
  newPage(): void;
  /**
   * Runs `task` after the next paint; the events it emits carry the time and address of this
   * call and come before any event emitted after it.
   */
  defer(task: () => void): void;
  /** Runs deferred tasks now (page exit, stop, flush). */
  drain(): void;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  const { bus, privacy } = options;
  let pageId = createId();
  // The URL of the current page view: a page:leave carries it even when the address bar has
  // already moved on to the next page.
  let pageUrl = '';
  // Redacting is not free and the URL rarely changes: keep the last answer.
  let lastHref = '';
  let lastUrl = '';
  const redactedUrl = (href = currentUrl()) => {
    if (href !== lastHref) {
      lastHref = href;
      lastUrl = privacy.redactUrl(href);
    }
    return lastUrl;
  };

  const envelope = (session: Session | null, url: string, local: boolean, ts = now()) => {
    const capturing = options.capturing();
    return {
      id: createId(),
      ts,
      sessionId: session?.id ?? '',
      tabId: capturing ? options.sessions().tabId : '',
      pageId,
      seq: capturing && !local ? options.sessions().nextSeq() : -1,
      url,
      ...(local || !session ? {} : options.visitor.identity.fields(session.id)),
    };
  };

  const send = (event: TrackerEvent) => {
    let final: TrackerEvent | null | undefined = event;
    if (options.beforeSend) {
      try {
        final = options.beforeSend(event);
      } catch (error) {
        // A throwing beforeSend drops the event: sending what it meant to filter would be worse.
        options.reportError(error);
        return;
      }
    }
    if (!final) return options.debug.line(`a ${event.type} event was dropped by beforeSend`);
    bus.emit(final);
    options.delivery.enqueue(final);
  };

  // Events that need a session while this tab learns which one it is (another tab may be starting
  // one this instant) wait for it, in order, so that none carries the id of a session that loses.
  let held: { input: EventInput; ts: number; here: string }[] | undefined;
  const release = () => {
    const waiting = held ?? [];
    held = undefined;
    for (const { input, ts, here } of waiting) deliver(input, undefined, ts, here);
  };

  /** `at`: the redacted URL when the event happened (read here when not given). */
  function deliver(input: EventInput, session: Session | undefined, ts: number, at?: string) {
    let owner = session;
    if (!owner) {
      if (!options.capturing()) return options.ignored(input);
      const sessions = options.sessions();
      // Only the visitor's own activity starts a new session; a page:leave, an error or a replay
      // chunk after the session expired still belongs to the session that expired.
      owner = EVENT_TRAITS[input.type].activity ? sessions.ensure(true) : sessions.peek();
      if (!sessions.settled()) {
        if (!held) {
          held = [];
          sessions.whenSettled(release);
        }
        held.push({ input, ts, here: at ?? redactedUrl() });
        return;
      }
      if (input.type === 'page:view') pageId = createId();
    }
    const here = at ?? redactedUrl();
    if (input.type === 'page:view') pageUrl = here;
    const url = input.type === 'page:leave' && pageUrl ? pageUrl : here;
    options.visitor.observe(input, owner);
    send({ ...input, ...envelope(owner, url, false, ts) } as TrackerEvent);
  }

  const deferred = createDeferred((error) => options.reportError(error));

  return {
    emit(input, session) {
      deferred.drain();
      const traits = EVENT_TRAITS[input.type];
      if (!traits.deliver) {
        options.debug.event(input);
        const current = options.capturing() ? options.sessions().current() : null;
        bus.emit({ ...input, ...envelope(current, redactedUrl(), true) } as TrackerEvent);
        return;
      }
      const stamp = deferred.current();
      if (stamp) deliver(input, session, stamp.ts, redactedUrl(stamp.href));
      else deliver(input, session, now());
    },
    newPage() {
      deferred.drain();
      pageId = createId();
    },
    defer: deferred.defer,
    drain: deferred.drain,
  };
}
