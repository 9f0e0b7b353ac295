'use client';
import type { EventOfType, TrackerEvent, TrackerEventType } from '@spoor/core';
import { useEffect, useRef } from 'react';
import { useTrackerContext } from './context';

/**
 * Calls `handler` for every event of `type` (or of every type with `'*'`) while the component is
 * mounted. The handler may change between renders without re-subscribing.
 *
 * @example
 * useTrackEvent('click:rage', (event) => showHelp(event.target.selector));
 */
export function useTrackEvent<TType extends TrackerEventType>(
  type: TType,
  handler: (event: EventOfType<TType>) => void,
): void;
export function useTrackEvent(type: '*', handler: (event: TrackerEvent) => void): void;
export function useTrackEvent(type: TrackerEventType | '*', handler: (event: TrackerEvent) => void): void {
  const tracker = useTrackerContext('useTrackEvent');
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: TrackerEvent) => latest.current(event);
    return type === '*' ? tracker.on('*', listener) : tracker.on(type, listener);
  }, [tracker, type]);
}
