import { afterEach, describe, expect, it } from 'vitest';
import { createCookieSession } from '../../src/session/cookieSession';
import { clearCookies } from '../helpers';

/** Counts reads of `document.cookie` while `run` runs. */
function countCookieReads(run: () => void): number {
  let owner: object | null = document;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner);
  const descriptor = owner ? Object.getOwnPropertyDescriptor(owner, 'cookie') : undefined;
  let reads = 0;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      reads++;
      return descriptor?.get?.call(document);
    },
    set(value: string) {
      descriptor?.set?.call(document, value);
    },
  });
  try {
    run();
  } finally {
    Reflect.deleteProperty(document, 'cookie');
  }
  return reads;
}

const callbacks = { onStart() {}, onEnd() {}, onChange() {} };

afterEach(() => clearCookies());

describe('the lite cookie session', () => {
  it('answers peek() from the session it read a moment ago instead of reading the cookie again', () => {
    const sessions = createCookieSession({}, callbacks);
    const started = sessions.ensure(true);
    const reads = countCookieReads(() => {
      for (let i = 0; i < 10; i++) expect(sessions.peek().id).toBe(started.id);
    });
    expect(reads).toBe(0);
  });

  it('still finds a session another tab started once nothing is known', () => {
    const other = createCookieSession({}, callbacks).ensure(true);
    const sessions = createCookieSession({}, callbacks);
    expect(sessions.peek().id).toBe(other.id);
  });
});
