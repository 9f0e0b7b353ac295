// Spoor with DOM replay and the budget guard out of the way, so it records the whole workload as
// rrweb alone does: the like-for-like comparison with rrweb.
import { createHttpTransport, createTracker } from '@spoor/core';
import { createReplayPlugin } from '@spoor/replay';

const started = performance.now();
let replayEvents = 0;
const pauses = [];
const tracker = createTracker({
  transport: createHttpTransport({ url: '/spoor/collect' }),
  plugins: [createReplayPlugin({ budget: { maxMutations: 1e9, maxBytes: 1e12 } })],
});
tracker.on('replay', () => {
  replayEvents += 1;
});
// The budget guard pauses recording in a mutation storm: the report says when it did.
tracker.on('replay:paused', (event) => {
  pauses.push(`paused (${event.reason}) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
tracker.start();
window.__benchCheck = () => {
  const snapshot = tracker.getSnapshot();
  return {
    ok: snapshot.status === 'running' && replayEvents > 0,
    detail: `status ${snapshot.status}, ${replayEvents} replay chunks${pauses.length ? `, ${pauses.join(', ')}` : ''}`,
  };
};
