// Spoor with DOM replay: the tracker above plus createReplayPlugin() with its defaults.
import { createHttpTransport, createTracker } from '@spoor/core';
import { createReplayPlugin } from '@spoor/replay';

let replayEvents = 0;
const tracker = createTracker({
  transport: createHttpTransport({ url: '/spoor/collect' }),
  plugins: [createReplayPlugin()],
});
tracker.on('replay', () => {
  replayEvents += 1;
});
tracker.start();
window.__benchCheck = () => {
  const snapshot = tracker.getSnapshot();
  return {
    ok: snapshot.status === 'running' && replayEvents > 0,
    detail: `status ${snapshot.status}, ${replayEvents} replay chunks`,
  };
};
window.__benchFlush = () => tracker.flush();
