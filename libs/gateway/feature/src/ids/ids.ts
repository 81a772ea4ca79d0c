import { createHash, randomBytes } from 'node:crypto';
import { toBase62 } from './base62';

/** What an id names, as its prefix shows: `team_…`, `proj_…` (main or sub-account), `key_…`, `msg_…`, … */
export type IdPrefix = 'team' | 'proj' | 'key' | 'msg' | 'topup' | 'adj';

const ID_DIGITS = 22;

/** A fresh random id: `<prefix>_` and 22 base62 characters (about 131 random bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${toBase62(randomBytes(32), ID_DIGITS)}`;
}

/**
 * The id of the thing an idempotent request creates, derived from its Idempotency-Key and the scope
 * the key belongs to (an account for messages, a team for top-ups). A retry, even one the
 * idempotency records no longer remember, names the same charge or top-up again, and the ledger
 * answers it with the original verdict instead of moving money twice.
 */
export function derivedId(prefix: IdPrefix, scope: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`${prefix}\u0000${scope}\u0000${idempotencyKey}`, 'utf8').digest();
  return `${prefix}_${toBase62(digest, ID_DIGITS)}`;
}
