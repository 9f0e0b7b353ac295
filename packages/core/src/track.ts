export { checkCustomEvent, MAX_PROPS_BYTES } from './props/customEvent';
