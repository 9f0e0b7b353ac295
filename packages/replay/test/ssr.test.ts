// @vitest-environment node
import { createTracker } from '@spoor/core';
import { describe, expect, it } from 'vitest';

describe('@spoor/replay on the server', () => {
  it('imports every entry and creates the plugin without touching browser globals', async () => {
    const replay = await import('../src/index');
    const player = await import('../src/player/index');
    const heatmap = await import('../src/heatmap/index');
    expect(typeof player.createPlayer).toBe('function');
    expect(heatmap.aggregateClicks([{ type: 'click', url: '/', x: 1, y: 1, vw: 100 }])).toHaveLength(1);
    const tracker = createTracker({ plugins: [replay.createReplayPlugin()] });
    tracker.start();
    expect(tracker.getSnapshot().status).toBe('idle');
    tracker.destroy();
  });
});
