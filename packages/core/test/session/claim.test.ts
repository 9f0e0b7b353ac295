import { describe, expect, it } from 'vitest';
import { type Heard, hear } from '../../src/session/claim';
import type { StoredSession } from '../../src/session/codec';
import type { TabMessage } from '../../src/session/crossTab';

const s = (id: string): StoredSession => ({ id, startedAt: 1000, lastActivity: 1000, ended: false });
const claim = (id: string): TabMessage => ({ c: s(id) });
const mine = s('m');

describe('hear: what a tab waiting with its claim does with a message', () => {
  it.each<[string, StoredSession | undefined, unknown, Heard]>([
    ['gives way to a lower claim', undefined, claim('a'), s('a')],
    ['answers a higher claim, whose tab may not have heard its own', undefined, claim('z'), 'answer'],
    ['gives way to a claim lower than the one it gave way to', s('f'), claim('a'), s('a')],
    ['keeps the claim it gave way to over a higher one', s('a'), claim('f'), undefined],
    ['leaves answering a higher claim to the winner, once it gave way', s('a'), claim('z'), undefined],
    ['ignores its own claim', undefined, claim('m'), undefined],
    ['leaves a started session to the decider, which joins it', s('a'), { s: s('a') }, undefined],
    ['ignores a change of the stored session', undefined, {}, undefined],
    ['ignores the word of an older tracker in another tab', undefined, 'changed', undefined],
  ])('%s', (_, winner, message, expected) => {
    expect(hear(mine, winner, message as TabMessage)).toEqual(expected);
  });

  it('ranks the same claims the same way in every tab', () => {
    const ids = ['7f3a', '03bc', 'e9d1', '5a20'];
    const winners = ids.map((tab) => {
      let winner: StoredSession | undefined;
      for (const other of ids) {
        const heard = hear(s(tab), winner, claim(other));
        if (typeof heard === 'object') winner = heard;
      }
      return (winner ?? s(tab)).id;
    });
    expect(winners).toEqual(['03bc', '03bc', '03bc', '03bc']);
  });
});
