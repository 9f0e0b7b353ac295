import type { PluginContext, TrackerPlugin } from '@spoor/core';
import {
  type BudgetGuard,
  type BudgetReason,
  createBudgetGuard,
  DEFAULT_BUDGET,
  type ReplayBudget,
} from './budget';
import { createChunker } from './chunker';
import type { ReplayChunk } from './codec/format';
import { createChunkEncoder } from './encoder';
import type { ReplayPluginOptions } from './options';
import type { Recording } from './recorder/recorder';
import { createRrwebRecorder } from './recorder/rrweb';
import { recordingStartedAt } from './recordingStart';
import { isSessionSampled } from './sampling';
import { estimateEventBytes } from './size';

/**
 * Creates the session-replay plugin: records the DOM with rrweb under the tracker's privacy rules
 * and sends it as `replay` events through the tracker's delivery queue and transports. It records
 * only while the tracker runs with consent granted, and only for sampled sessions.
 *
 * @example
 * const tracker = createTracker({
 *   transport: createHttpTransport({ url: '/spoor/collect' }),
 *   privacy: { maskSelector: '.account' },
 *   plugins: [createReplayPlugin({ sampleRate: 0.2, blockMedia: true })],
 * });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createReplayPlugin(options: ReplayPluginOptions = {}): TrackerPlugin {
  const sampleRate = options.sampleRate ?? 1;
  const minDurationMs = options.minDurationMs ?? 0;
  const fullSnapshotIntervalMs = options.fullSnapshotIntervalMs ?? 300_000;
  const budget = { ...DEFAULT_BUDGET, ...options.budget } satisfies Required<ReplayBudget>;
  return {
    name: 'replay',
    setup: (ctx) => setupReplay(ctx, options, { sampleRate, minDurationMs, fullSnapshotIntervalMs, budget }),
  };
}

interface Settings {
  sampleRate: number;
  minDurationMs: number;
  fullSnapshotIntervalMs: number;
  budget: Required<ReplayBudget>;
}

function setupReplay(ctx: PluginContext, options: ReplayPluginOptions, settings: Settings): () => void {
  const recorder = options.recorder ?? createRrwebRecorder();
  let sessionId: string | null = null;
  let recording: Recording | undefined;
  let guard: BudgetGuard | undefined;
  let paused = false;
  let active = true;
  let snapshotTimer: ReturnType<typeof setInterval> | undefined;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  let gateTimer: ReturnType<typeof setTimeout> | undefined;
  let gateOpen = true;
  let held: ReplayChunk[] = [];

  const send = (chunk: ReplayChunk) => {
    if (!gateOpen) {
      held.push(chunk);
      return;
    }
    try {
      ctx.emit({ type: 'replay', ...chunk });
    } catch (error) {
      ctx.reportError(error);
    }
  };
  // Recorded events -> chunks (chunker) -> codec 2 in idle time (encoder) -> the tracker (send).
  const encoder = createChunkEncoder({
    window: ctx.window,
    deliver: send,
    reportError: (error) => ctx.reportError(error),
  });
  const chunker = createChunker({
    flushIntervalMs: options.flushIntervalMs ?? 1_500,
    maxEvents: options.maxChunkEvents ?? 500,
    maxBytes: options.maxChunkBytes ?? 256_000,
    send: encoder.push,
  });
  /** Hands over everything recorded so far, encoded now (the page may be about to go). */
  const flushAll = () => {
    chunker.flush();
    encoder.flush();
  };
  const discardAll = () => {
    chunker.discard();
    encoder.discard();
  };

  const stopRecording = () => {
    if (snapshotTimer !== undefined) clearInterval(snapshotTimer);
    if (resumeTimer !== undefined) clearTimeout(resumeTimer);
    snapshotTimer = resumeTimer = undefined;
    guard?.stop();
    recording?.stop();
    guard = recording = undefined;
  };

  const pause = (reason: BudgetReason) => {
    if (paused || !recording) return;
    paused = true;
    // Called from inside the recorder's callbacks: stop it synchronously so the storm is not serialised.
    stopRecording();
    // What was recorded before the pause reaches the tracker before the pause event does.
    flushAll();
    ctx.emit({ type: 'replay:paused', reason, resumeInMs: settings.budget.pauseMs });
    resumeTimer = setTimeout(() => {
      resumeTimer = undefined;
      paused = false;
      if (active && sessionId) startRecording();
    }, settings.budget.pauseMs);
  };

  const startRecording = () => {
    guard = createBudgetGuard(ctx.window, ctx.document, settings.budget, pause);
    guard.start();
    try {
      recording = recorder.start({
        window: ctx.window,
        document: ctx.document,
        privacy: ctx.privacy,
        blockMedia: options.blockMedia ?? false,
        reportError: (error) => ctx.reportError(error),
        emit: (event, full) => {
          if (paused || !active) return;
          // Full snapshots leave at once and are outside the byte budget: never sized.
          const size = full ? 0 : estimateEventBytes(event);
          chunker.push(event, size);
          if (!full) guard?.addBytes(size);
        },
      });
    } catch (error) {
      // A recorder that cannot start (invalid selector, missing API) records nothing: fail closed.
      ctx.reportError(error);
      guard.stop();
      guard = undefined;
      return;
    }
    if (settings.fullSnapshotIntervalMs > 0) {
      snapshotTimer = setInterval(() => recording?.takeFullSnapshot(), settings.fullSnapshotIntervalMs);
    }
  };

  const openGateLater = (id: string) => {
    if (gateTimer !== undefined) clearTimeout(gateTimer);
    gateTimer = undefined;
    held = [];
    const waitMs = recordingStartedAt(ctx.window, id) + settings.minDurationMs - Date.now();
    gateOpen = settings.minDurationMs <= 0 || waitMs <= 0;
    if (gateOpen) return;
    gateTimer = setTimeout(() => {
      gateTimer = undefined;
      gateOpen = true;
      const release = held;
      held = [];
      for (const chunk of release) send(chunk);
    }, waitMs);
  };

  const sync = () => {
    const snapshot = ctx.getSnapshot();
    const next = snapshot.consent === 'granted' ? snapshot.sessionId : null;
    if (next === sessionId) return;
    sessionId = next;
    // A new session starts from a full snapshot of its own; what is pending belonged to the old one.
    stopRecording();
    discardAll();
    if (gateTimer !== undefined) clearTimeout(gateTimer);
    gateTimer = undefined;
    held = [];
    paused = false;
    if (!next || !isSessionSampled(next, settings.sampleRate)) return;
    openGateLater(next);
    startRecording();
  };

  sync();
  const unsubscribe = ctx.subscribe(sync);
  // Hand pending events over before the tracker's own exit flush (it listens after plugins).
  const onHide = () => {
    if (ctx.document.visibilityState !== 'visible') flushAll();
  };
  ctx.window.addEventListener('pagehide', flushAll);
  ctx.document.addEventListener('visibilitychange', onHide);

  return () => {
    active = false;
    unsubscribe();
    ctx.window.removeEventListener('pagehide', flushAll);
    ctx.document.removeEventListener('visibilitychange', onHide);
    stopRecording();
    if (gateTimer !== undefined) clearTimeout(gateTimer);
    // Hand over the last events when the tracker stops, never after consent was withdrawn.
    if (ctx.getSnapshot().consent === 'granted') flushAll();
    else discardAll();
    held = [];
  };
}
