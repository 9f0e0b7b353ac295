import { Replayer } from '@rrweb/replay';
import type { eventWithTime } from '@rrweb/types';
import { type Controls, createControls } from './controls';
import { buildTimeline, type PlayerEvent, type TimelineMarker } from './timeline';

/** Options of {@link createPlayer}. */
export interface PlayerOptions {
  /**
   * Playback speed, from 1 to 8.
   * @default 1
   */
  speed?: number;
  /**
   * Fast-forward through stretches where the visitor did nothing.
   * @default true
   */
  skipInactive?: boolean;
  /**
   * Start playing at once.
   * @default false
   */
  autoplay?: boolean;
  /**
   * Show the control bar (play/pause, timeline with markers, speed, skip inactivity).
   * @default true
   */
  controls?: boolean;
  /**
   * Which tab of the session to play (tabs record separately).
   * @default the tab of the first `replay` event
   */
  tabId?: string;
  /**
   * Fit the replayed page to the container's width.
   * @default true
   */
  fit?: boolean;
  /**
   * Called while playing and after each seek with the position in milliseconds.
   * @default undefined
   */
  onTimeUpdate?: (offsetMs: number) => void;
}

/** A replay player mounted in a container. */
export interface Player {
  /** Length of the recording in milliseconds. */
  readonly durationMs: number;
  /** Page views, clicks, rage and dead clicks and errors on the timeline. */
  readonly markers: readonly TimelineMarker[];
  play(): void;
  pause(): void;
  /** Moves to a position (milliseconds from the start); keeps playing if it was playing. */
  seek(offsetMs: number): void;
  /** Sets the speed, clamped to 1–8. */
  setSpeed(speed: number): void;
  setSkipInactive(skip: boolean): void;
  /** The position in milliseconds from the start. */
  getCurrentTime(): number;
  isPlaying(): boolean;
  /** Stops playback and removes everything the player added to the container. */
  destroy(): void;
}

const clampSpeed = (speed: number) => (Number.isFinite(speed) ? Math.min(8, Math.max(1, speed)) : 1);

/**
 * Creates a replay player. The page is rebuilt inside an iframe sandboxed with `allow-same-origin`
 * only, so no script of the recording (inline, `on*=` handlers, `javascript:` URLs) can run.
 * The container must be attached to the document.
 *
 * @example
 * const events = await (await fetch(`/spoor/sessions/${id}/events`)).json();
 * const player = createPlayer(document.querySelector('#replay')!, events, { speed: 2 });
 * player.play();
 */
/* @__NO_SIDE_EFFECTS__ */
export function createPlayer(
  container: HTMLElement,
  events: readonly PlayerEvent[],
  options: PlayerOptions = {},
): Player {
  const { recorded, markers } = buildTimeline(events, options.tabId);
  if (recorded.length < 2 || !recorded.some((event) => event.type === 2)) {
    throw new Error('createPlayer: the events hold no full snapshot to replay');
  }
  const document = container.ownerDocument;
  const view = document.defaultView;
  const durationMs = recorded[recorded.length - 1]!.timestamp - recorded[0]!.timestamp;
  let speed = clampSpeed(options.speed ?? 1);
  let skipInactive = options.skipInactive ?? true;
  let playing = false;
  let frame: number | undefined;

  const root = document.createElement('div');
  root.className = 'spoor-player';
  const stage = document.createElement('div');
  stage.className = 'spoor-player-stage';
  stage.style.cssText = 'position:relative;overflow:hidden';
  root.append(stage);
  container.append(root);

  const replayer = new Replayer(recorded as eventWithTime[], {
    root: stage,
    speed,
    skipInactive,
    showWarning: false,
    mouseTail: false,
    triggerFocus: false,
    UNSAFE_replayCanvas: false,
  });

  // Styled through the CSSOM rather than a <style> element, so a strict style-src CSP needs nothing extra.
  replayer.wrapper.style.position = 'relative';
  const mouse = replayer.wrapper.querySelector<HTMLElement>('.replayer-mouse');
  if (mouse) {
    mouse.style.cssText =
      'position:absolute;width:14px;height:14px;margin:-7px 0 0 -7px;border-radius:50%;background:rgba(73,80,246,.55);pointer-events:none;transition:left .05s linear,top .05s linear';
  }

  const fit = (width: number, height: number) => {
    if (options.fit === false || !width) return;
    const available = container.clientWidth || width;
    const scale = Math.min(1, available / width);
    replayer.wrapper.style.transform = `scale(${scale})`;
    replayer.wrapper.style.transformOrigin = 'top left';
    // The stage takes the size of the replayed page, so overlays (heatmaps) can cover it exactly.
    stage.style.width = `${Math.floor(width * scale)}px`;
    stage.style.height = `${Math.floor(height * scale)}px`;
  };
  replayer.on('resize', (payload) => {
    const size = payload as { width?: number; height?: number };
    fit(size.width ?? 0, size.height ?? 0);
  });

  const current = () => Math.min(durationMs, Math.max(0, replayer.getCurrentTime()));
  let controls: Controls | undefined;
  const render = () => {
    const offsetMs = current();
    controls?.update({ offsetMs, playing, speed, skipInactive });
    options.onTimeUpdate?.(offsetMs);
  };
  const tick = () => {
    render();
    frame = playing && view ? view.requestAnimationFrame(tick) : undefined;
  };
  const stopTicking = () => {
    if (frame !== undefined) view?.cancelAnimationFrame(frame);
    frame = undefined;
  };

  const player: Player = {
    durationMs,
    markers,
    play() {
      if (playing) return;
      const from = current() >= durationMs ? 0 : current();
      playing = true;
      replayer.play(from);
      stopTicking();
      tick();
    },
    pause() {
      if (!playing) return;
      playing = false;
      replayer.pause();
      stopTicking();
      render();
    },
    seek(offsetMs) {
      // rrweb applies events strictly before the offset: one past the end applies the last event too.
      const target = offsetMs >= durationMs ? durationMs + 1 : Math.max(0, offsetMs);
      if (playing) replayer.play(target);
      else replayer.pause(target);
      render();
    },
    setSpeed(value) {
      speed = clampSpeed(value);
      replayer.setConfig({ speed });
      render();
    },
    setSkipInactive(skip) {
      skipInactive = skip;
      replayer.setConfig({ skipInactive });
      render();
    },
    getCurrentTime: current,
    isPlaying: () => playing,
    destroy() {
      playing = false;
      stopTicking();
      replayer.destroy();
      root.remove();
    },
  };

  replayer.on('finish', () => {
    playing = false;
    stopTicking();
    render();
  });

  if (options.controls !== false) {
    controls = createControls(document, durationMs, markers, {
      toggle: () => (playing ? player.pause() : player.play()),
      seek: (offsetMs) => player.seek(offsetMs),
      setSpeed: (value) => player.setSpeed(value),
      setSkipInactive: (skip) => player.setSkipInactive(skip),
    });
    root.append(controls.element);
  }

  // Show the first frame (the first full snapshot) until the viewer presses play.
  replayer.pause(0);
  if (options.autoplay) player.play();
  else render();
  return player;
}
