import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, type StoredSession } from '../../src/session/codec';

describe('decodeSession', () => {
  it.each<[string, string | null, StoredSession | null]>([
    ['reads a live session', 'abc.a.b', { id: 'abc', startedAt: 10, lastActivity: 11, ended: false }],
    ['reads an ended session', 'abc.a.b.e', { id: 'abc', startedAt: 10, lastActivity: 11, ended: true }],
    ['rejects a missing value', null, null],
    ['rejects a value without times', 'abc', null],
    ['rejects unreadable times', 'abc.!.?', null],
  ])('%s', (_name, raw, expected) => {
    expect(decodeSession(raw)).toEqual(expected);
  });

  it('reads back what encodeSession wrote', () => {
    const session = { id: 'x1', startedAt: 1_765_000_000_000, lastActivity: 1_765_000_060_000, ended: true };
    expect(decodeSession(encodeSession(session))).toEqual(session);
  });
});
