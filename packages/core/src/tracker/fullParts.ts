import { CAPTURE_SOURCES } from '../capture/sources';
import { createConsent } from '../consent';
import { createDebugLog } from '../debug/log';
import { createDeliveryWith } from '../delivery/delivery';
import { openBatchStore } from '../delivery/openBatchStore';
import { createPrivacy } from '../privacy';
import { createSessionManager } from '../session/manager';
import type { TrackerParts } from './parts';
import { createVisitorState } from './visitor';

/** What `createTracker` is built from: every capture source, persistent delivery, full privacy. */
export const FULL_PARTS: TrackerParts = {
  sources: CAPTURE_SOURCES,
  privacy: createPrivacy,
  delivery: (options) => createDeliveryWith(options, openBatchStore),
  sessions: createSessionManager,
  consent: createConsent,
  visitor: createVisitorState,
  debug: createDebugLog,
};
