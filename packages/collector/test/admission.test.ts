import { describe, expect, it } from 'vitest';
import { admit, type SessionState } from '../src/storage/admission';
import type { StoredEvent } from '../src/storage/storage';

const NOW = Date.UTC(2026, 0, 10);
const HOUR = 3_600_000;
const rules = { maxSessionMs: 26 * HOUR, maxSessionEvents: 3 };
const event = (id: string, sessionId = 's'): StoredEvent => ({
  id,
  type: 'custom',
  ts: NOW,
  sessionId,
  tabId: 't',
  pageId: 'p',
  seq: 1,
  url: 'https://a.example/',
  path: '/',
  payload: {},
});
const state = (change: Partial<SessionState> = {}): SessionState => ({
  visitorId: null,
  firstReceived: NOW - HOUR,
  eventCount: 0,
  ...change,
});

describe('admit', () => {
  it.each([
    ['a new session', undefined, undefined, 'admitted'],
    ['an open session', state(), undefined, 'admitted'],
    [
      'a session past its maximum duration',
      state({ firstReceived: NOW - 27 * HOUR }),
      undefined,
      'session-closed',
    ],
    ['the same visitor', state({ visitorId: 'v' }), 'v', 'admitted'],
    ['another visitor', state({ visitorId: 'v' }), 'w', 'visitor-mismatch'],
    ['no visitor id for a session that has one', state({ visitorId: 'v' }), undefined, 'admitted'],
    ['a visitor id for a session without one', state(), 'v', 'admitted'],
    ['a full session', state({ eventCount: 3 }), undefined, 'session-full'],
  ])('%s', (_name, session, visitorId, outcome) => {
    const sessions = new Map(session ? [['s', session]] : []);
    const result = admit([event('e')], sessions, { visitorId, receivedAt: NOW }, rules);
    expect(result.admitted.length === 1 ? 'admitted' : result.refused[0]?.code).toBe(outcome);
  });

  it('counts the events of the batch itself against the cap', () => {
    const result = admit(
      ['a', 'b', 'c', 'd'].map((id) => event(id)),
      new Map([['s', state({ eventCount: 1 })]]),
      { receivedAt: NOW },
      rules,
    );
    expect(result.admitted.map((e) => e.id)).toEqual(['a', 'b']);
    expect(result.refused.map((r) => r.code)).toEqual(['session-full', 'session-full']);
  });
});
