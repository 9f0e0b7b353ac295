import { describe, expect, it } from 'vitest';
import { claimMessage, type Heard, hear } from '../../src/session/claim';
import type { StoredSession } from '../../src/session/codec';

const s = (id: string, ended = false): StoredSession => ({ id, startedAt: 1000, lastActivity: 1000, ended });
const mine = s('m');

describe('hear: what a tab waiting with its claim does with a message', () => {
  it.each<[string, StoredSession | undefined, unknown, Heard]>([
    ['gives way to a lower claim', undefined, claimMessage('c', s('a')), { step: 'yield', to: s('a') }],
    [
      'answers a higher claim, whose tab may not have heard its own',
      undefined,
      claimMessage('c', s('z')),
      { step: 'answer' },
    ],
    [
      'gives way to a claim lower than the one it gave way to',
      s('f'),
      claimMessage('c', s('a')),
      { step: 'yield', to: s('a') },
    ],
    [
      'keeps the claim it gave way to over a higher one',
      s('a'),
      claimMessage('c', s('f')),
      { step: 'ignore' },
    ],
    [
      'does not answer a higher claim once it gave way: the winner does',
      s('a'),
      claimMessage('c', s('z')),
      { step: 'ignore' },
    ],
    ['ignores its own claim', undefined, claimMessage('c', mine), { step: 'ignore' }],
    [
      'joins the session another tab decided on',
      undefined,
      claimMessage('d', s('z')),
      { step: 'adopt', session: s('z') },
    ],
    [
      'joins a decision also after giving way to another claim',
      s('a'),
      claimMessage('d', s('q')),
      { step: 'adopt', session: s('q') },
    ],
    [
      'still starts its own claim when a tab that gave way to it announces it',
      undefined,
      claimMessage('d', mine),
      { step: 'ignore' },
    ],
    [
      'ignores a decided session that has ended',
      undefined,
      claimMessage('d', s('a', true)),
      { step: 'ignore' },
    ],
    ['ignores an unknown kind of message', undefined, 'x:a.rs.rs', { step: 'ignore' }],
    ['ignores an unreadable session', undefined, 'c:a', { step: 'ignore' }],
    ['ignores a message that is not a string', undefined, { claim: s('a') }, { step: 'ignore' }],
    ['ignores the cross-tab change notice', undefined, 'changed', { step: 'ignore' }],
  ])('%s', (_, yielded, message, expected) => {
    expect(hear(mine, yielded, message)).toEqual(expected);
  });

  it('ranks the same claims the same way in every tab', () => {
    const ids = ['7f3a', '03bc', 'e9d1', '5a20'].map((id) => s(id));
    const winners = ids.map((tab) => {
      let yielded: StoredSession | undefined;
      for (const other of ids) {
        const heard = hear(tab, yielded, claimMessage('c', other));
        if (heard.step === 'yield') yielded = heard.to;
      }
      return (yielded ?? tab).id;
    });
    expect(winners).toEqual(['03bc', '03bc', '03bc', '03bc']);
  });
});
