'use client';
import { reportFrameworkError } from '@spoor/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** What a {@link SpoorErrorBoundary} fallback function receives. */
export interface ErrorBoundaryFallbackProps {
  error: unknown;
  /** Renders the children again. */
  reset(): void;
}

/** Props of {@link SpoorErrorBoundary}. */
export interface SpoorErrorBoundaryProps {
  children?: ReactNode;
  /** What to render once a child has thrown. @default null */
  fallback?: ReactNode | ((props: ErrorBoundaryFallbackProps) => ReactNode);
  /** Called after the error is recorded, with React's component stack. @default undefined */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

type BoundaryState = { phase: 'rendering' } | { phase: 'failed'; error: unknown };

/**
 * An error boundary that records what its children throw while rendering (scrubbed like any other
 * error, see `reportFrameworkError`) and renders `fallback` instead. Works with React 18 and 19;
 * with React 19 you may instead pass {@link rootErrorHandlers} to `createRoot` to record what every
 * boundary catches. An error in the very first render is recorded when the tracker was started
 * before rendering (`tracker.start()` next to `createTracker`), since the provider starts it in an effect.
 *
 * @example
 * <SpoorErrorBoundary fallback={<p>Something went wrong.</p>}>
 *   <Checkout />
 * </SpoorErrorBoundary>
 */
export class SpoorErrorBoundary extends Component<SpoorErrorBoundaryProps, BoundaryState> {
  override state: BoundaryState = { phase: 'rendering' };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { phase: 'failed', error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportFrameworkError(error);
    this.props.onError?.(error, info);
  }

  reset = (): void => {
    this.setState({ phase: 'rendering' });
  };

  override render(): ReactNode {
    if (this.state.phase === 'rendering') return this.props.children;
    const { fallback } = this.props;
    if (typeof fallback === 'function') return fallback({ error: this.state.error, reset: this.reset });
    return fallback ?? null;
  }
}
