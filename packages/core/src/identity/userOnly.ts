import type { VisitorState } from '../tracker/visitor';

/**
 * The identity part of `createCoreTracker`: no visitor id and no session facts, only the user id
 * given to `identify()`, kept in memory for the page load and forgotten on `reset()`.
 */
export function createUserOnlyVisitor(): VisitorState {
  let userId: string | null = null;
  const forget = () => {
    userId = null;
  };
  return {
    identity: {
      fields: () => (userId ? { userId } : {}),
      sessionStarted() {},
      setUser(id) {
        userId = id;
      },
      reset: forget,
      clear: forget,
      facts: () => ({ visitorId: null, userId, visits: 0, firstSeen: null }),
      close() {},
    },
    observe() {},
    sessionStarted(_session, reason) {
      if (reason === 'reset') forget();
    },
    clear: forget,
  };
}
