// `@spoor/replay/rrweb-privacy`: the masking and sanitising applied to what rrweb records. Only a
// recorded session needs it, so the default recorder loads it with `import()`, beside `@rrweb/record`.
export type { InputHold } from './inputHold';
export { createInputHold } from './inputHold';
export type { RecorderPrivacyOptions } from './privacy';
export { sanitizeEvent, toRecorderPrivacy } from './privacy';
export { passMasking } from './textMasking';
