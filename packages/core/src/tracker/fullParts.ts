import { watchNavigationApi } from '../capture/navigationApi';
import { CAPTURE_SOURCES } from '../capture/sources';
import { createDebugLog } from '../debug/log';
import { createDeliveryWith } from '../delivery/delivery';
import { openBatchStore } from '../delivery/openBatchStore';
import { createPrivacy } from '../privacy';
import { toJson } from '../props/toJson';
import { createSessionManager } from '../session/manager';
import { openStore, peek } from '../storage';
import type { TrackerParts } from './parts';
import { createVisitorState } from './visitor';

/** What `createTracker` is built from: every capture source, persistent delivery, full privacy. */
export const FULL_PARTS: TrackerParts = {
  sources: CAPTURE_SOURCES,
  routes: watchNavigationApi,
  privacy: createPrivacy,
  delivery: (options) => createDeliveryWith(options, openBatchStore),
  sessions: createSessionManager,
  consentStorage: { peek, open: openStore },
  visitor: createVisitorState,
  debug: createDebugLog,
  json: toJson,
};
