import { getWindow } from './env';

/** A random, URL-safe id (a UUID v4 where the browser has `crypto.randomUUID`). */
export function createId(): string {
  const crypto = getWindow()?.crypto ?? (globalThis as { crypto?: Crypto }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // A UUID v4 from 31 random nibbles: the template's 4 is the version, its 8 takes the variant bits.
  const bytes = new Uint8Array(31);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 31; i++) bytes[i] = Math.random() * 256;
  let i = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (Number(digit) ^ ((bytes[i++] ?? 0) & (15 >> (Number(digit) / 4)))).toString(16),
  );
}
