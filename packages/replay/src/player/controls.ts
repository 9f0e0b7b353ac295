import type { TimelineMarker } from './timeline';

/** What the control bar asks the player to do. */
export interface ControlActions {
  toggle(): void;
  seek(offsetMs: number): void;
  setSpeed(speed: number): void;
  setSkipInactive(skip: boolean): void;
}

export interface Controls {
  readonly element: HTMLElement;
  update(state: { offsetMs: number; playing: boolean; speed: number; skipInactive: boolean }): void;
}

export const SPEEDS = [1, 2, 4, 8] as const;

const MARKER_COLORS = {
  page: '#2563eb',
  click: '#6b7280',
  rage: '#dc2626',
  dead: '#d97706',
  error: '#7c3aed',
} as const satisfies Record<TimelineMarker['kind'], string>;

function formatTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Builds the control bar: play/pause, time, timeline with markers, speed and skip-inactivity. */
export function createControls(
  document: Document,
  durationMs: number,
  markers: readonly TimelineMarker[],
  actions: ControlActions,
): Controls {
  const element = document.createElement('div');
  element.className = 'spoor-player-controls';
  element.style.cssText =
    'display:flex;align-items:center;gap:8px;padding:6px 8px;font:12px system-ui,sans-serif';

  const play = document.createElement('button');
  play.type = 'button';
  play.className = 'spoor-player-play';
  play.addEventListener('click', () => actions.toggle());

  const time = document.createElement('span');
  time.className = 'spoor-player-time';
  time.style.cssText = 'min-width:80px;font-variant-numeric:tabular-nums';

  const track = document.createElement('div');
  track.style.cssText = 'position:relative;flex:1;height:24px';
  const range = document.createElement('input');
  range.type = 'range';
  range.className = 'spoor-player-timeline';
  range.min = '0';
  range.max = String(Math.max(0, durationMs));
  range.step = '1';
  range.setAttribute('aria-label', 'Timeline');
  range.style.cssText = 'position:absolute;inset:0;width:100%;margin:0';
  range.addEventListener('input', () => actions.seek(Number(range.value)));
  track.append(range);
  for (const marker of markers) {
    const dot = document.createElement('button');
    dot.type = 'button';
    dot.className = `spoor-player-marker spoor-player-marker-${marker.kind}`;
    dot.dataset.kind = marker.kind;
    dot.title = `${marker.kind} ${formatTime(marker.offsetMs)} ${marker.label}`.trim();
    dot.setAttribute('aria-label', dot.title);
    const left = durationMs > 0 ? (marker.offsetMs / durationMs) * 100 : 0;
    dot.style.cssText = `position:absolute;top:0;left:${left}%;width:3px;height:8px;padding:0;border:0;transform:translateX(-1px);background:${MARKER_COLORS[marker.kind]};cursor:pointer`;
    dot.addEventListener('click', () => actions.seek(marker.offsetMs));
    track.append(dot);
  }

  const speed = document.createElement('select');
  speed.className = 'spoor-player-speed';
  speed.setAttribute('aria-label', 'Speed');
  for (const value of SPEEDS) {
    const option = document.createElement('option');
    option.value = String(value);
    option.textContent = `${value}×`;
    speed.append(option);
  }
  speed.addEventListener('change', () => actions.setSpeed(Number(speed.value)));

  const skipLabel = document.createElement('label');
  const skip = document.createElement('input');
  skip.type = 'checkbox';
  skip.className = 'spoor-player-skip';
  skip.addEventListener('change', () => actions.setSkipInactive(skip.checked));
  skipLabel.append(skip, ' Skip inactivity');

  element.append(play, time, track, speed, skipLabel);
  return {
    element,
    update(state) {
      play.textContent = state.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(state.playing));
      time.textContent = `${formatTime(state.offsetMs)} / ${formatTime(durationMs)}`;
      range.value = String(Math.round(state.offsetMs));
      speed.value = String(state.speed);
      skip.checked = state.skipInactive;
    },
  };
}
