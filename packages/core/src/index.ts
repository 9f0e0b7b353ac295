export type { ClickTracking, TrackBinding } from './adapter/clickToTrack';
export { trackClicks } from './adapter/clickToTrack';
export type { ConsentControls } from './adapter/consent';
export { consentControls } from './adapter/consent';
export type { FrameworkErrorOptions } from './adapter/frameworkError';
export { reportFrameworkError } from './adapter/frameworkError';
export type { PrivacyMark } from './adapter/maskToggle';
export { privacyMarkAttribute, privacyMarkProps, setPrivacyMark } from './adapter/maskToggle';
export type { EventBus, EventBusOptions, Unsubscribe } from './bus';
export { createEventBus } from './bus';
export type {
  CaptureOptions,
  ClickOptions,
  ErrorCaptureOptions,
  InputOptions,
  PageViewOptions,
  PointerOptions,
  ScrollOptions,
} from './capture';
export type { ConsentOptions } from './consent';
export type { BackoffOptions } from './delivery/backoff';
export type { BatchOptions, DeliverySettings } from './delivery/options';
export type { DisclosedEvent, DisclosedStorage, Disclosure } from './disclosure/describe';
export type { SpoorErrorCode } from './errors';
export { isSpoorError, SpoorError } from './errors';
export type {
  ConsentState,
  EventEnvelope,
  EventInput,
  EventOfType,
  EventPayload,
  EventsOf,
  NavigationKind,
  PointerPoint,
  SessionEndReason,
  SessionStartReason,
  TargetInfo,
  TrackerEvent,
  TrackerEventMap,
  TrackerEventType,
} from './events';
export { EVENT_TRAITS } from './events';
export type { VisitorOptions } from './identity/visitor';
export type { TrackerOptions } from './options';
export type { VisitorSnapshot } from './personal/snapshot';
export type { SessionFacts, Utm } from './personal/visit';
export type { PluginContext, TrackerPlugin } from './plugin';
export type { Privacy, PrivacyOptions } from './privacy';
export { BLOCK_ATTRIBUTE, createPrivacy, MASK_ATTRIBUTE, UNMASK_ATTRIBUTE } from './privacy';
export type { SessionOptions } from './session/options';
export type { Tracker } from './tracker/api';
export { createTracker } from './tracker/createTracker';
export type { TrackerSnapshot } from './tracker/snapshot';
export type { ConsoleTransportOptions } from './transports/console';
export { createConsoleTransport } from './transports/console';
export type { HttpTransportOptions, WireBatch } from './transports/http';
export { createHttpTransport } from './transports/http';
export type { MemoryTransport, MemoryTransportOptions } from './transports/memory';
export { createMemoryTransport } from './transports/memory';
export type {
  Transport,
  TransportBatch,
  TransportResult,
  TransportSendOptions,
} from './transports/transport';
export type { AnyCustomEvents, CustomEventName, CustomEventProps } from './types/customEvents';
