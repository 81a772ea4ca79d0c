import { createHash } from 'node:crypto';
import {
  API_KEY_PREFIX_LENGTH,
  apiKeyDigest,
  apiKeyPrefix,
  generateApiKey,
  parseApiKeyFormat,
  redactApiKeys,
} from './api-key';
import { BASE62_ALPHABET, randomBase62 } from '../ids/base62';

describe('API keys', () => {
  it.each([
    ['live', 'main', /^sl_live_[0-9A-Za-z]{40}$/],
    ['test', 'main', /^sl_test_[0-9A-Za-z]{40}$/],
    ['live', 'sub', /^sl_live_sub_[0-9A-Za-z]{40}$/],
    ['test', 'sub', /^sl_test_sub_[0-9A-Za-z]{40}$/],
  ] as const)('a %s key of a %s account reads sl_<env>_[sub_]<40 base62>', (environment, kind, format) => {
    const generated = generateApiKey(environment, kind);
    expect(generated.key).toMatch(format);
    expect(generated.environment).toBe(environment);
    expect(parseApiKeyFormat(generated.key)).toEqual({ environment, kind });
  });

  it('redacts every full key of a text, whatever surrounds it, and nothing else', () => {
    const [main, sub] = [generateApiKey('live', 'main').key, generateApiKey('test', 'sub').key];
    const text = JSON.stringify({
      apiKey: { id: 'key_1', key: main },
      subAccount: { apiKey: sub, name: 'sl_live_short' },
      note: `(${main}).`,
    });
    expect(JSON.parse(redactApiKeys(text))).toEqual({
      apiKey: { id: 'key_1', key: '[redacted]' },
      subAccount: { apiKey: '[redacted]', name: 'sl_live_short' },
      note: '([redacted]).',
    });
  });

  it('stores only the SHA-256 hex digest and shows the first 12 characters', () => {
    const { key, digest, prefix } = generateApiKey('live', 'main');
    expect(digest).toBe(createHash('sha256').update(key).digest('hex'));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toContain(key.slice(8));
    expect(prefix).toBe(key.slice(0, API_KEY_PREFIX_LENGTH));
    expect(apiKeyPrefix('sl_test_abcdefgh')).toBe('sl_test_abcd');
  });

  it('digests a known key to its known SHA-256', () => {
    expect(apiKeyDigest('sl_live_' + 'a'.repeat(40))).toBe(
      createHash('sha256')
        .update('sl_live_' + 'a'.repeat(40))
        .digest('hex'),
    );
    expect(apiKeyDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('never generates the same key twice in a few thousand draws', () => {
    const keys = new Set(Array.from({ length: 5000 }, () => generateApiKey('live', 'sub').key));
    expect(keys.size).toBe(5000);
  });

  it.each([
    ['', 'empty'],
    ['sl_live_' + 'a'.repeat(31), 'fewer than 32 random characters'],
    ['sl_prod_' + 'a'.repeat(40), 'an unknown environment'],
    ['sl_live_main_' + 'a'.repeat(40), 'an unknown marker'],
    ['sk_live_' + 'a'.repeat(40), 'another vendor prefix'],
    ['sl_live_' + 'a'.repeat(39) + '-', 'a character outside base62'],
    ['sl_live_' + 'a'.repeat(39) + 'é', 'a non-ASCII character'],
    [' sl_live_' + 'a'.repeat(40), 'leading space'],
    ['sl_live_' + 'a'.repeat(40) + '\n', 'a trailing newline'],
    ['sl_live_' + 'a'.repeat(129), 'more than 128 random characters'],
  ])('refuses %j (%s) before any lookup', (presented) => {
    expect(parseApiKeyFormat(presented)).toBeNull();
  });

  it('accepts 32 to 128 random characters, as docs/contract.md §2 allows keys of other issuers', () => {
    expect(parseApiKeyFormat('sl_live_' + 'Z'.repeat(32))).toEqual({ environment: 'live', kind: 'main' });
    expect(parseApiKeyFormat('sl_test_sub_' + '9'.repeat(128))).toEqual({ environment: 'test', kind: 'sub' });
  });
});

describe('randomBase62', () => {
  it('uses only the 62 letters and digits', () => {
    expect(BASE62_ALPHABET).toHaveLength(62);
    expect(new Set(BASE62_ALPHABET).size).toBe(62);
    expect(randomBase62(10000)).toMatch(/^[0-9A-Za-z]{10000}$/);
  });

  it('rejects bytes of 248 and above instead of folding them onto the first characters', () => {
    // 255, 248 and 250 are rejected; 0, 61, 62 and 247 map to '0', 'z', '0' and 'z'.
    const bytes = [255, 0, 248, 61, 250, 62, 247];
    let offset = 0;
    const source = (size: number) => {
      const chunk = Uint8Array.from(Array.from({ length: size }, (_, i) => bytes[(offset + i) % bytes.length]));
      offset += size;
      return chunk;
    };
    expect(randomBase62(4, source)).toBe('0z0z');
  });

  it('keeps drawing when a whole round of bytes is rejected', () => {
    let calls = 0;
    const source = (size: number) => new Uint8Array(size).fill(calls++ < 3 ? 255 : 1);
    expect(randomBase62(5, source)).toBe('11111');
    expect(calls).toBe(4);
  });

  it('maps the 248 accepted byte values onto each character exactly 4 times', () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    let served = false;
    const source = (size: number) => {
      if (served) throw new Error(`asked for ${size} more bytes`);
      served = true;
      return everyByte;
    };
    const counts = countCharacters(randomBase62(248, source));
    expect(counts.size).toBe(62);
    expect(new Set(counts.values())).toEqual(new Set([4]));
  });

  it('spreads characters of the real random source evenly (chi-squared far from the modulo-bias regime)', () => {
    const sample = randomBase62(62 * 2000);
    const counts = countCharacters(sample);
    expect(counts.size).toBe(62);
    const expected = sample.length / 62;
    const chiSquared = [...counts.values()].reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 61 degrees of freedom: a fair source stays under 150 with probability above 1 - 1e-8, while
    // `byte % 62` over this many draws would put the first 8 characters 25% high: chi-squared near 3,000.
    expect(chiSquared).toBeLessThan(150);
  });
});

function countCharacters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}
