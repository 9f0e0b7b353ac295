// One install for apps: the whole core API comes through this package.
export * from '@spoor/core';
export { type RootErrorHandlers, type RootErrorInfo, rootErrorHandlers } from './rootErrorHandlers';
export { SessionTrackerProvider, type SessionTrackerProviderProps } from './SessionTrackerProvider';
export {
  type ErrorBoundaryFallbackProps,
  SpoorErrorBoundary,
  type SpoorErrorBoundaryProps,
} from './SpoorErrorBoundary';
export { type ConsentValue, useConsent } from './useConsent';
export { type PageLocation, usePageViews } from './usePageViews';
export { type SessionTrackerValue, useSessionTracker } from './useSessionTracker';
export { useTrackEvent } from './useTrackEvent';
export { useTrackerSnapshot } from './useTrackerSnapshot';
