// Spoor with DOM replay: the tracker above plus createReplayPlugin() with its defaults.
import { createHttpTransport, createTracker } from '@spoor/core';
import { createReplayPlugin } from '@spoor/replay';

const started = performance.now();
let replayEvents = 0;
const pauses = [];
const tracker = createTracker({
  transport: createHttpTransport({ url: '/spoor/collect' }),
  plugins: [createReplayPlugin()],
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
