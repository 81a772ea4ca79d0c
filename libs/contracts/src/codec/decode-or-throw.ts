import type { UnionCodec } from './union-codec';

/**
 * Reads back a payload this system wrote itself, such as a stored event: one that does not decode
 * means a damaged store or a missing upcaster, which no caller can answer, so it throws with
 * `what` ('Event 3 of team-t is not a ledger event') and the decode error's message.
 */
export function decodeOrThrow<U>(codec: UnionCodec<U>, json: unknown, what: string): U {
  const result = codec.decode(json);
  if (result.ok) return result.value;
  throw new Error(`${what}: ${result.error.message}`);
}
