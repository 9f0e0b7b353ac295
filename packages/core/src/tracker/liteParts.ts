import { watchHistory } from '../capture/historyRoutes';
import { createMemoryDelivery } from '../delivery/memoryDelivery';
import { createUserOnlyVisitor } from '../identity/userOnly';
import { createLitePrivacy } from '../privacy/lite';
import { toJsonLite } from '../props/jsonLite';
import { createCookieSession } from '../session/cookieSession';
import { openCookieStore, peekCookie } from '../storage';
import type { TrackerParts } from './parts';

const silent = { event() {}, ignored() {}, line() {} };

/** What `createCoreTracker` is built from, besides the capture sources its caller chose. */
export const LITE_PARTS: Omit<TrackerParts, 'sources'> = {
  routes: watchHistory,
  privacy: createLitePrivacy,
  delivery: createMemoryDelivery,
  sessions: createCookieSession,
  consentStorage: { peek: peekCookie, open: (_preferred, name, cookie) => openCookieStore(name, cookie) },
  visitor: createUserOnlyVisitor,
  debug: () => silent,
  json: toJsonLite,
};
