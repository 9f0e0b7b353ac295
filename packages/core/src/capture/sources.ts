import { clicks } from './clicks';
import { errors } from './errors';
import { inputs } from './inputs';
import { pointer } from './pointer';
import { scroll } from './scroll';
import type { SourceDefinition } from './source';
import { visibility } from './visibility';

/**
 * Every capture source `createTracker` runs, in the order they start (after page views). Adding
 * a source is its own file exporting a SourceDefinition, one line here and its key in CaptureOptions.
 */
export const CAPTURE_SOURCES = {
  visibility,
  clicks,
  pointer,
  scroll,
  inputs,
  errors,
} satisfies CaptureTable;

/** A table of capture sources, by the name of their `capture` option. */
export type CaptureTable = Record<string, SourceDefinition<object>>;
