export type { RecordedEvent } from '../recorder/recorder';
export type { Player, PlayerOptions } from './player';
export { createPlayer } from './player';
export type { PlayerEvent, StoredEvent, TimelineMarker, TimelineMarkerKind } from './timeline';
export { buildTimeline } from './timeline';
