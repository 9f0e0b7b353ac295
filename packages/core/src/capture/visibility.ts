import type { CaptureContext } from './context';
import { listen } from './listen';
import type { SourceDefinition } from './source';

/** Tab visibility (`visibility`): one event each time the tab is hidden or shown. */
function captureVisibility(ctx: CaptureContext): () => void {
  const { document: doc } = ctx;
  let last: 'visible' | 'hidden' = doc.visibilityState === 'hidden' ? 'hidden' : 'visible';
  return listen(ctx, doc, 'visibilitychange', () => {
    const state = doc.visibilityState === 'hidden' ? 'hidden' : 'visible';
    if (state === last) return;
    last = state;
    ctx.emit({ type: 'visibility', state });
  });
}

/** Tab hidden and shown (`capture.visibility`); no options. */
export const visibility: SourceDefinition<Record<never, never>> = {
  shape: {},
  defaults: {},
  start: captureVisibility,
};
