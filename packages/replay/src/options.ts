import type { ReplayBudget } from './budget';
import type { Recorder } from './recorder/recorder';

/** Options of {@link createReplayPlugin}. Privacy comes from the tracker's own `privacy` options. */
export interface ReplayPluginOptions {
  /**
   * Share of sessions recorded, from 0 to 1. Decided per session id, so all tabs of a session agree.
   * @default 1
   */
  sampleRate?: number;
  /**
   * Recording is sent only once the session has been recorded for this long (counted from its first
   * recorded page in this tab); shorter visits are dropped.
   * @default 0
   */
  minDurationMs?: number;
  /**
   * Interval between full snapshots, so a replay can start near any point. 0 turns it off.
   * @default 300_000 (5 minutes)
   */
  fullSnapshotIntervalMs?: number;
  /**
   * Record images, video, audio, canvas and embeds as blank boxes of the same size.
   * @default false
   */
  blockMedia?: boolean;
  /**
   * Longest time recorded events wait before they are handed to the tracker as a `replay` event.
   * @default 1_500
   */
  flushIntervalMs?: number;
  /**
   * Most recorded events in one `replay` event.
   * @default 500
   */
  maxChunkEvents?: number;
  /**
   * Most serialised bytes in one `replay` event (a full snapshot may be larger: it is never split).
   * @default 256_000
   */
  maxChunkBytes?: number;
  /** Limits against mutation storms; past them recording pauses with a `replay:paused` event. */
  budget?: ReplayBudget;
  /**
   * The DOM recorder.
   * @default createRrwebRecorder()
   */
  recorder?: Recorder;
}
