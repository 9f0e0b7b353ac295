import type { Privacy } from '@spoor/core';

/**
 * One recorded event. The shape is rrweb's (`type`, `data`, `timestamp`), which the player and the
 * collector understand; another recorder has to produce the same shape.
 */
export interface RecordedEvent {
  type: number;
  data: unknown;
  timestamp: number;
}

/** How a recorder is started. */
export interface RecorderStartOptions {
  readonly window: Window & typeof globalThis;
  readonly document: Document;
  /** The tracker's privacy rules, applied while serialising (never afterwards in a separate pass). */
  readonly privacy: Privacy;
  /** Record `<img>`, `<video>`, `<audio>`, `<picture>`, `<canvas>`, `<object>` and `<embed>` as blank boxes. */
  readonly blockMedia: boolean;
  /** Receives each event as soon as it is recorded; `full` is true for the events of a full snapshot. */
  emit(event: RecordedEvent, full: boolean): void;
  /** Reports a failure inside the recorder without throwing into the page. */
  reportError(error: unknown): void;
}

/** A running recording. */
export interface Recording {
  /** Records the whole page again (a new starting point for the player). */
  takeFullSnapshot(): void;
  /** Stops recording and removes every observer. Calling it twice is harmless. */
  stop(): void;
}

/**
 * What `@spoor/replay` needs from a DOM recorder. The default is {@link createRrwebRecorder}; any
 * other recorder that emits rrweb-shaped events can be swapped in through the plugin's `recorder` option.
 * Starting a recording takes a full snapshot. `start()` returns at once; a recorder that loads its code
 * on demand (as the default one does) begins, and takes that snapshot, once the code has arrived,
 * unless the recording was stopped in the meantime. Failures are reported through `reportError`.
 */
export interface Recorder {
  readonly name: string;
  start(options: RecorderStartOptions): Recording;
}

/** rrweb's event types, as numbers on the wire (an enum, so bundlers inline the numbers). */
export enum RECORDED_EVENT_TYPE {
  domContentLoaded = 0,
  load = 1,
  fullSnapshot = 2,
  incrementalSnapshot = 3,
  meta = 4,
  custom = 5,
  plugin = 6,
}

/** rrweb's incremental sources that the player and the heatmaps read. */
export enum INCREMENTAL_SOURCE {
  mutation = 0,
  mouseMove = 1,
  mouseInteraction = 2,
  scroll = 3,
  viewportResize = 4,
  input = 5,
  touchMove = 6,
  styleSheetRule = 8,
}
