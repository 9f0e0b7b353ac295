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
export type { BatchOptions, DeliverySettings } from './delivery/queue';
export type { DisclosedEvent, DisclosedStorage, Disclosure } from './disclosure/describe';
export { describeCollection } from './disclosure/describe';
export { disclosureToHtml, disclosureToMarkdown } from './disclosure/format';
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
export type { PluginContext, TrackerPlugin, TrackerSnapshot } from './plugin';
export type { Privacy, PrivacyOptions } from './privacy';
export { BLOCK_ATTRIBUTE, createPrivacy, MASK_ATTRIBUTE, UNMASK_ATTRIBUTE } from './privacy';
export type { SessionOptions } from './session';
export type { Tracker } from './tracker';
export { createTracker } from './tracker';
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
