import { getStorage } from '../env';
import type { EventInput } from '../events';

const KEY = 'spoor_visit';
const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** UTM parameters of the page a session entered on, without the `utm_` prefix. */
export type Utm = Readonly<Partial<Record<(typeof UTM)[number], string>>>;

/** What this session has done in this tab so far: read in the page to tailor it, never sent. */
export interface SessionFacts {
  /** Page views of this session in this tab (kept across reloads). */
  readonly sessionPageViews: number;
  /** Engaged time of this session's finished page views in this tab, in ms. */
  readonly sessionEngagedMs: number;
  /** The (redacted) referrer of the session's first page view, or null ('' when there was none). */
  readonly entryReferrer: string | null;
  /** The UTM parameters of the session's first page view, or null before it. */
  readonly utm: Utm | null;
}

export const NO_SESSION_FACTS: SessionFacts = {
  sessionPageViews: 0,
  sessionEngagedMs: 0,
  entryReferrer: null,
  utm: null,
};

type Stored = SessionFacts & { sessionId: string };

function utmOf(href: string): Utm {
  const utm: Partial<Record<(typeof UTM)[number], string>> = {};
  try {
    const params = new URL(href).searchParams;
    for (const name of UTM) {
      const value = params.get(`utm_${name}`);
      if (value) utm[name] = value.slice(0, 200);
    }
  } catch {
    // An unparsable URL has no UTM parameters.
  }
  return utm;
}

/**
 * Follows page views and leaves of the current session in this tab. `observe` answers the new
 * facts when an event changed them, null otherwise (most events: nothing to do).
 */
export function createSessionFacts() {
  let state: Stored | null = null;
  // Probed once: the probe writes and removes a key, and page views and leaves come often.
  let opened: { storage: Storage | undefined } | undefined;
  const storage = () => {
    opened ??= { storage: getStorage('sessionStorage') };
    return opened.storage;
  };
  const load = (sessionId: string): Stored => {
    if (state?.sessionId === sessionId) return state;
    try {
      const stored = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Stored | null;
      if (stored?.sessionId === sessionId) return stored;
    } catch {
      // Unreadable: start over for this session.
    }
    return { ...NO_SESSION_FACTS, sessionId };
  };
  const save = (next: Stored): SessionFacts => {
    state = next;
    try {
      storage()?.setItem(KEY, JSON.stringify(next));
    } catch {
      // Quota or privacy mode: the facts then last as long as the page.
    }
    const { sessionId: _id, ...facts } = next;
    return facts;
  };
  return {
    // `href` is read only for a page view: observe runs for every event, pointer and scroll included.
    observe(input: EventInput, sessionId: string, href: () => string): SessionFacts | null {
      if (input.type === 'session:start') return save({ ...NO_SESSION_FACTS, sessionId });
      if (input.type === 'page:view') {
        const current = load(sessionId);
        const first = current.entryReferrer === null;
        return save({
          ...current,
          sessionPageViews: current.sessionPageViews + 1,
          entryReferrer: first ? input.referrer : current.entryReferrer,
          utm: first ? utmOf(href()) : current.utm,
        });
      }
      if (input.type === 'page:leave' && input.engagedMs > 0) {
        const current = load(sessionId);
        return save({ ...current, sessionEngagedMs: current.sessionEngagedMs + Math.round(input.engagedMs) });
      }
      return null;
    },
    clear() {
      state = null;
      try {
        storage()?.removeItem(KEY);
      } catch {
        // Nothing stored that could be read either.
      }
    },
  };
}
