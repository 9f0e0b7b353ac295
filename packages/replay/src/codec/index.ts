export { decodeReplayChunk } from './chunk';
export { decodeEvents } from './decode';
export type { RrwebEvent } from './encode';
export { encodeEvents } from './encode';
export type { ReplayChunk } from './format';
export { CURRENT_CODEC } from './format';
