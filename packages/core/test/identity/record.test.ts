import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/identity/record';

const record = {
  id: '0b7c6a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21',
  firstSeen: 1_764_190_000_000,
  visits: 3,
  lastSessionId: 's-1',
  userId: 'user|42',
};

describe('visitor record', () => {
  it('round-trips, user ids with the separator included', () => {
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it.each([
    [null],
    [''],
    ['2|id|x|1||'],
    ['1|short|kx|1||'],
    ['1|0b7c6a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21|!!|1||'],
    ['1|<script>alert(1)</script>|kx|1||'],
  ])('refuses %j', (raw) => {
    expect(decodeRecord(raw)).toBeNull();
  });
});
