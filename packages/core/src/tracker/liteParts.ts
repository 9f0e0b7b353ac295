import { createConsent } from '../consent';
import { createMemoryDelivery } from '../delivery/memoryDelivery';
import { createUserOnlyVisitor } from '../identity/userOnly';
import { createLitePrivacy } from '../privacy/lite';
import { createCookieSession } from '../session/cookieSession';
import type { TrackerParts } from './parts';

const silent = { event() {}, ignored() {}, line() {} };

/** What `createCoreTracker` is built from, besides the capture sources its caller chose. */
export const LITE_PARTS: Omit<TrackerParts, 'sources'> = {
  privacy: createLitePrivacy,
  delivery: createMemoryDelivery,
  sessions: createCookieSession,
  consent: createConsent,
  visitor: createUserOnlyVisitor,
  debug: () => silent,
};
