import { afterEach, describe, expect, it, vi } from 'vitest';
import { createId } from '../src/id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives UUID v4 ids', () => {
    expect(createId()).toMatch(UUID_V4);
  });

  it('still gives distinct UUID v4 ids where crypto.randomUUID is missing (pages served over http)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends ArrayBufferView>(bytes: T) => real.getRandomValues(bytes as never) as T,
    });
    const ids = Array.from({ length: 500 }, createId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(500);
  });

  it('falls back to Math.random where there is no crypto at all', () => {
    vi.stubGlobal('crypto', undefined);
    const ids = Array.from({ length: 200 }, createId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(200);
  });
});
