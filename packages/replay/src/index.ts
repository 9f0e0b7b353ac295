export type { ReplayBudget } from './budget';
export type { ReplayPluginOptions } from './options';
export { createReplayPlugin } from './plugin';
export type { RecordedEvent, Recorder, RecorderStartOptions, Recording } from './recorder/recorder';
export type { RrwebRecorderOptions } from './recorder/rrweb';
export { createRrwebRecorder, preloadRrwebRecorder } from './recorder/rrweb';
export { isSessionSampled } from './sampling';
