import { describe, expect, it } from 'vitest';
import type { StoredSession } from '../../src/session/codec';
import { type NextStep, nextStep } from '../../src/session/rules';

const MIN = 60_000;
const limits = { idleTimeoutMs: 30 * MIN, maxDurationMs: 24 * 60 * MIN };
const session = (startedAt: number, lastActivity: number, ended = false): StoredSession => ({
  id: 's1',
  startedAt,
  lastActivity,
  ended,
});

describe('nextStep', () => {
  it.each<[string, StoredSession | null, number, NextStep]>([
    ['begins a session when there is none', null, 0, { step: 'begin', reason: 'new' }],
    ['continues a session active a minute ago', session(0, 10 * MIN), 11 * MIN, { step: 'continue' }],
    [
      'continues until the last moment of the idle timeout',
      session(0, 0),
      30 * MIN - 1,
      { step: 'continue' },
    ],
    [
      'ends and rotates a session idle for the timeout',
      session(0, 0),
      30 * MIN,
      { step: 'end-and-rotate', reason: 'idle' },
    ],
    [
      'ends and rotates a session active all along once it reaches the maximum duration',
      session(0, 24 * 60 * MIN - 1),
      24 * 60 * MIN,
      { step: 'end-and-rotate', reason: 'max-duration' },
    ],
    [
      'rotates without a second end when another tab already ended it',
      session(0, 0, true),
      31 * MIN,
      { step: 'rotate', reason: 'idle' },
    ],
    [
      'rotates a session another tab ended even before it expired',
      session(0, 10 * MIN, true),
      11 * MIN,
      { step: 'rotate', reason: 'idle' },
    ],
  ])('%s', (_name, stored, at, expected) => {
    expect(nextStep(stored, at, limits)).toEqual(expected);
  });

  it('starts the first session with the reason it is given', () => {
    expect(nextStep(null, 0, limits, 'consent')).toEqual({ step: 'begin', reason: 'consent' });
  });
});
