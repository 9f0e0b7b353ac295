// Spoor, tracking only, with the defaults a user gets (every capture source on, masking on).
import { createHttpTransport, createTracker } from '@spoor/core';

const tracker = createTracker({ transport: createHttpTransport({ url: '/spoor/collect' }) });
tracker.start();
window.__benchCheck = () => {
  const snapshot = tracker.getSnapshot();
  return { ok: snapshot.status === 'running' && !!snapshot.sessionId, detail: `status ${snapshot.status}` };
};
window.__benchFlush = () => tracker.flush();
