// The script-tag build (`window.Spoor`): everything in one file, the disclosure renderers included.
export * from './disclosure/index';
export * from './index';
