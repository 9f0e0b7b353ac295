import type { RouteWatcher } from '../capture/context';
import type { CaptureTable } from '../capture/sources';
import type { ConsentStorage } from '../consent';
import type { DebugLog } from '../debug/log';
import type { Delivery, DeliveryOptions } from '../delivery/delivery';
import type { TrackerOptions } from '../options';
import type { Privacy, PrivacyOptions } from '../privacy/types';
import type { JsonConversion } from '../props/customEvent';
import type { SessionCallbacks, SessionManager } from '../session/api';
import type { SessionOptions } from '../session/options';
import type { SnapshotStore } from './snapshot';
import type { VisitorState } from './visitor';

/**
 * The parts a tracker is built from. `createTracker` passes the full ones (every capture source,
 * persistent delivery, full scrubbing, visitor id); `createCoreTracker` passes small ones. Each
 * part is a factory, so a bundle holds only the parts its entry point names.
 */
export interface TrackerParts {
  /** Capture sources beside page views, by the name of their `capture` option. */
  sources: CaptureTable;
  /** How page views notice single-page navigations. */
  routes: RouteWatcher;
  privacy(options: PrivacyOptions | undefined): Privacy;
  /** Batching, retries and (for the full part) persistence, one queue per transport. */
  delivery(options: DeliveryOptions): Delivery;
  sessions(options: SessionOptions, callbacks: SessionCallbacks): SessionManager;
  /** Where the consent decision is remembered. */
  consentStorage: ConsentStorage;
  /** Visitor id, user id and session facts; `allowed()` says whether ids may be stored now. */
  visitor(options: TrackerOptions, snapshot: SnapshotStore, allowed: () => boolean): VisitorState;
  debug(enabled: boolean | undefined): DebugLog;
  /** How `track()` props and `identify()` traits become JSON, or what JSON cannot hold is named. */
  json: JsonConversion;
}
