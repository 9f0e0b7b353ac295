// Where an event sits in time, decided against the collector's own clock: a visitor's clock may
// be wrong, and a hostile client may claim any time at all.

export interface TimePolicy {
  /** Clocks closer than this to the collector's are taken as they are. */
  maxSkewMs: number;
  /** Older events are refused (the tracker keeps unsent batches for 7 days). */
  maxEventAgeMs: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export const DEFAULT_TIME_POLICY: TimePolicy = { maxSkewMs: 5 * MINUTE, maxEventAgeMs: 8 * DAY };

/**
 * How far the sender's clock is off, from the batch's `sentAt`: 0 within the allowed skew
 * (network delay), otherwise the whole difference, which is then added to every event's `ts`.
 */
export function clockOffset(sentAt: number, receivedAt: number, policy: TimePolicy): number {
  const offset = receivedAt - sentAt;
  return Math.abs(offset) <= policy.maxSkewMs ? 0 : offset;
}

export type Placement = { ok: true; ts: number } | { ok: false; code: 'ts-out-of-range'; message: string };

/** The event's time on the collector's clock, or why it is refused. */
export function placeEvent(ts: number, offset: number, receivedAt: number, policy: TimePolicy): Placement {
  const at = ts + offset;
  if (at > receivedAt + policy.maxSkewMs) {
    return {
      ok: false,
      code: 'ts-out-of-range',
      message: `ts is ${Math.round((at - receivedAt) / 1000)} s after the batch was received`,
    };
  }
  if (at < receivedAt - policy.maxEventAgeMs) {
    return {
      ok: false,
      code: 'ts-out-of-range',
      message: `ts is older than ${Math.round(policy.maxEventAgeMs / DAY)} days`,
    };
  }
  return { ok: true, ts: at };
}
