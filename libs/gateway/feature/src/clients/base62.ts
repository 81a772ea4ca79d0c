const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The first `length` base62 digits of a byte string read as one big number. With 32 bytes in and
 * 22 digits out (about 131 bits), the modulo bias is far below anything observable.
 */
export function toBase62(bytes: Uint8Array, length: number): string {
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let digits = '';
  for (let i = 0; i < length; i++) {
    digits += ALPHABET[Number(value % 62n)];
    value /= 62n;
  }
  return digits;
}
