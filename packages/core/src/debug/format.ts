import type { EventInput } from '../events';
import { hintFor } from './hints';

/**
 * The console line for a local event worth a developer's attention, or null. Pure, so the
 * wording is tested without a console.
 */
export function describeProblem(event: EventInput): string | null {
  if (event.type === 'tracker:error') return `${event.code}: ${event.message}`;
  if (event.type === 'transport:error') {
    const hint = hintFor(event.reason, event.status);
    const lost = `${event.dropped} event${event.dropped === 1 ? '' : 's'} dropped`;
    return `delivery failed (${event.transport}): ${event.reason}${hint ? ` → ${hint}` : ''}; ${lost}`;
  }
  return null;
}

/** Why an event handed to a tracker that is not capturing goes nowhere. */
export function describeIgnored(
  event: EventInput,
  state: { status: string; consent: string; mode: string },
): string {
  const what = event.type === 'custom' ? `track(${JSON.stringify(event.name)})` : `a ${event.type} event`;
  if (state.status === 'destroyed') return `${what} ignored: the tracker was destroyed`;
  if (state.consent === 'pending')
    return `${what} ignored: consent is pending (${state.mode} mode) until tracker.consent.grant()`;
  if (state.consent === 'denied') return `${what} ignored: consent was denied (or GPC/DNT)`;
  if (state.status !== 'running') return `${what} ignored: call tracker.start() first`;
  return `${what} ignored: not capturing here`;
}
