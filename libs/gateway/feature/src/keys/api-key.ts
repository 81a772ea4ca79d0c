import { createHash } from 'node:crypto';
import type { AccountKind, ApiKeyEnvironment } from '@subledger/contracts';
import { randomBase62, type RandomSource } from '../ids/base62';

/** Random characters of a key we generate: 40 base62 characters, about 238 bits. */
export const API_KEY_RANDOM_LENGTH = 40;
/** Characters of a key shown in listings (`keyPrefix`), per docs/contract.md §2. */
export const API_KEY_PREFIX_LENGTH = 12;

/** Keys we accept: docs/contract.md §2 asks for at least 32 random characters; the upper bound keeps junk out early. */
const PRESENTED_KEY = /^sl_(live|test)_(sub_)?[0-9A-Za-z]{32,128}$/;

export interface GeneratedApiKey {
  /** The full key: shown to the client once, never stored, never logged. */
  readonly key: string;
  /** SHA-256 of the key, hex: what the accounts service stores and looks keys up by. */
  readonly digest: string;
  /** The first 12 characters, shown in listings. */
  readonly prefix: string;
  readonly environment: ApiKeyEnvironment;
}

export interface PresentedApiKeyFormat {
  readonly environment: ApiKeyEnvironment;
  readonly kind: AccountKind;
}

/** A new key `sl_<live|test>_[sub_]<40 base62>` for a main account or a sub-account. */
export function generateApiKey(
  environment: ApiKeyEnvironment,
  kind: AccountKind,
  random?: RandomSource,
): GeneratedApiKey {
  const key = `sl_${environment}_${kind === 'sub' ? 'sub_' : ''}${randomBase62(API_KEY_RANDOM_LENGTH, random)}`;
  return { key, digest: apiKeyDigest(key), prefix: apiKeyPrefix(key), environment };
}

/** Checks a presented key's format before anything is looked up; null when it cannot be one of ours. */
export function parseApiKeyFormat(presented: string): PresentedApiKeyFormat | null {
  const match = PRESENTED_KEY.exec(presented);
  if (!match) return null;
  return { environment: match[1] as ApiKeyEnvironment, kind: match[2] ? 'sub' : 'main' };
}

/** A key of ours anywhere in a text (the presented-key format, unanchored). */
const KEY_IN_TEXT = /sl_(?:live|test)_(?:sub_)?[0-9A-Za-z]{32,128}/g;

export const REDACTED_API_KEY = '[redacted]';

/**
 * The text with every full API key in it replaced by `[redacted]`: for copies of an answer that
 * outlive the request, since a key is shown once and only its digest is stored (docs/contract.md §2).
 */
export function redactApiKeys(text: string): string {
  return text.replace(KEY_IN_TEXT, REDACTED_API_KEY);
}

export function apiKeyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX_LENGTH);
}
