import { decodeReplayChunk } from '../codec/chunk';
import type { RecordedEvent } from '../recorder/recorder';

/** An event as the tracker delivered it (a `replay` chunk, a click, a page view…), as stored by a backend. */
export interface StoredEvent {
  readonly type: string;
  /** Milliseconds since the epoch. */
  readonly ts: number;
  readonly tabId?: string;
  readonly [field: string]: unknown;
}

/** What the player accepts: the events of a session as delivered, raw recorded events, or both. */
export type PlayerEvent = StoredEvent | RecordedEvent;

/** The kinds of moments shown on the timeline. */
export type TimelineMarkerKind = 'page' | 'click' | 'rage' | 'dead' | 'error';

/** A moment on the timeline. */
export interface TimelineMarker {
  kind: TimelineMarkerKind;
  /** Milliseconds from the start of the recording. */
  offsetMs: number;
  /** A short description (path, element text, error message), already masked by the tracker. */
  label: string;
}

const MARKER_KINDS = {
  'page:view': 'page',
  click: 'click',
  'click:rage': 'rage',
  'click:dead': 'dead',
  error: 'error',
} as const satisfies Record<string, TimelineMarkerKind>;

const isStored = (event: PlayerEvent): event is StoredEvent => typeof event.type === 'string';

const isRecorded = (value: unknown): value is RecordedEvent =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as RecordedEvent).type === 'number' &&
  typeof (value as RecordedEvent).timestamp === 'number';

function labelOf(event: StoredEvent): string {
  const target = event.target as { text?: unknown; selector?: unknown } | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (event.type) {
    case 'page:view':
      return text(event.path) || text(event.url);
    case 'error':
      return text(event.message);
    default:
      return text(target?.text) || text(target?.selector);
  }
}

/** Splits a session into the recording of one tab (sorted by time) and its timeline markers. */
export function buildTimeline(
  events: readonly PlayerEvent[],
  tabId?: string,
): { recorded: RecordedEvent[]; markers: TimelineMarker[]; tabId: string | undefined } {
  const firstReplay = events.find((event) => isStored(event) && event.type === 'replay') as
    | StoredEvent
    | undefined;
  // Tabs of one session record separately; mixing them would corrupt the rebuilt page.
  const tab = tabId ?? firstReplay?.tabId;
  const sameTab = (event: StoredEvent) =>
    tab === undefined || event.tabId === undefined || event.tabId === tab;
  const recorded: RecordedEvent[] = [];
  const marks: StoredEvent[] = [];
  for (const event of events) {
    if (!isStored(event)) {
      if (isRecorded(event)) recorded.push(event);
    } else if (sameTab(event)) {
      if (event.type === 'replay') {
        // Any codec: 1 (rrweb events as they are) or 2 (Spoor's compact encoding).
        for (const item of decodeReplayChunk(event)) if (isRecorded(item)) recorded.push(item);
      } else if (event.type in MARKER_KINDS) {
        marks.push(event);
      }
    }
  }
  recorded.sort((a, b) => a.timestamp - b.timestamp);
  const start = recorded[0]?.timestamp ?? 0;
  const end = recorded[recorded.length - 1]?.timestamp ?? 0;
  const markers = marks
    .filter((event) => event.ts >= start && event.ts <= end)
    .map((event) => ({
      kind: MARKER_KINDS[event.type as keyof typeof MARKER_KINDS],
      offsetMs: event.ts - start,
      label: labelOf(event),
    }))
    .sort((a, b) => a.offsetMs - b.offsetMs);
  return { recorded, markers, tabId: tab };
}
