// How long a stored session takes events and how many it holds; read by admission and set by
// createCollector's options.
export interface SessionRules {
  /** A session takes events for this long after its first one was received. @default 26 h */
  maxSessionMs: number;
  /** Most events one session holds (a session lasts at most `maxSessionMs`, so this is per day). @default 50_000 */
  maxSessionEvents: number;
}

export const DEFAULT_SESSION_RULES: SessionRules = {
  // The tracker's 24 h maximum, plus two hours for batches delivered late.
  maxSessionMs: 26 * 3_600_000,
  maxSessionEvents: 50_000,
};
