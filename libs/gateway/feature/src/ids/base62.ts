import { randomBytes } from 'node:crypto';

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The largest multiple of 62 that fits in a byte: bytes at or above it are rejected, not folded. */
const ACCEPTED_BYTE_LIMIT = 62 * 4;

export type RandomSource = (size: number) => Uint8Array;

/**
 * `length` base62 characters, each uniformly distributed. Taking `byte % 62` over all 256 byte
 * values would favour the first 8 characters (5 chances in 256 against 4); rejection sampling
 * discards bytes of 248 and above so every character keeps exactly 4 chances in 248.
 */
export function randomBase62(length: number, random: RandomSource = randomBytes): string {
  let out = '';
  while (out.length < length) {
    // 248/256 of the bytes are accepted, so asking for ~10% more than needed rarely takes a second round.
    for (const byte of random(Math.ceil((length - out.length) * 1.1) + 1)) {
      if (byte >= ACCEPTED_BYTE_LIMIT) continue;
      out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * The first `length` base62 digits of a byte string read as one big number. With 32 bytes in and
 * 22 digits out (about 131 bits), the modulo bias is far below anything observable. Derived ids
 * (ids.ts) depend on this exact mapping: changing it would give a retried request a new id.
 */
export function toBase62(bytes: Uint8Array, length: number): string {
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let digits = '';
  for (let i = 0; i < length; i++) {
    digits += BASE62_ALPHABET[Number(value % 62n)];
    value /= 62n;
  }
  return digits;
}
