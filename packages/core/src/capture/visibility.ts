import type { CaptureContext } from './context';
import { listen } from './listen';

/** Tab visibility (`visibility`): one event each time the tab is hidden or shown. */
export function captureVisibility(ctx: CaptureContext): () => void {
  const { document: doc } = ctx;
  let last: 'visible' | 'hidden' = doc.visibilityState === 'hidden' ? 'hidden' : 'visible';
  return listen(ctx, doc, 'visibilitychange', () => {
    const state = doc.visibilityState === 'hidden' ? 'hidden' : 'visible';
    if (state === last) return;
    last = state;
    ctx.emit({ type: 'visibility', state });
  });
}
