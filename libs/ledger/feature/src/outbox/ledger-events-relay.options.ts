import { Topics } from '@subledger/contracts';

export interface LedgerEventsRelayOptions {
  /** Where the events go. Default `ledger.events`. */
  readonly topic?: string;
  /**
   * The relay's name: its checkpoint row in the store's `subscription_checkpoints` and its lock.
   * Relays of one name take turns; give another name only to a relay that publishes elsewhere.
   * Default `ledger-events-relay`.
   */
  readonly name?: string;
  /** Most events read, published and checkpointed together. Default 500. */
  readonly batchSize?: number;
  /** How long a caught-up relay waits before it looks for new events again. Default 200 ms. */
  readonly pollIntervalMs?: number;
  /** How long a relay that found the lock taken (another replica publishes) waits before trying again. Default 1,000 ms. */
  readonly standbyIntervalMs?: number;
  /** How long the relay waits after a failed batch (Kafka or the database unreachable). Default 1,000 ms. */
  readonly retryBackoffMs?: number;
}

export type ResolvedRelayOptions = Required<LedgerEventsRelayOptions>;

export const LEDGER_EVENTS_RELAY_OPTIONS = Symbol('LEDGER_EVENTS_RELAY_OPTIONS');

export const RELAY_DEFAULTS: ResolvedRelayOptions = {
  topic: Topics.ledgerEvents,
  name: 'ledger-events-relay',
  batchSize: 500,
  pollIntervalMs: 200,
  standbyIntervalMs: 1_000,
  retryBackoffMs: 1_000,
};

const MAX_BATCH_SIZE = 10_000;

/** The options with their defaults; throws one error naming every bad value. */
export function resolveRelayOptions(options: LedgerEventsRelayOptions = {}): ResolvedRelayOptions {
  const resolved = { ...RELAY_DEFAULTS, ...definedOnly(options) };
  const problems = [
    ...nonBlank('topic', resolved.topic),
    ...nonBlank('name', resolved.name),
    ...wholeNumber('batchSize', resolved.batchSize, 1, MAX_BATCH_SIZE),
    ...wholeNumber('pollIntervalMs', resolved.pollIntervalMs, 1),
    ...wholeNumber('standbyIntervalMs', resolved.standbyIntervalMs, 1),
    ...wholeNumber('retryBackoffMs', resolved.retryBackoffMs, 1),
  ];
  if (problems.length > 0) throw new RangeError(`Invalid ledger events relay options: ${problems.join('; ')}`);
  return resolved;
}

function definedOnly(options: LedgerEventsRelayOptions): LedgerEventsRelayOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function nonBlank(field: string, value: unknown): string[] {
  return typeof value === 'string' && value.trim() !== ''
    ? []
    : [`${field} must be a non-blank string, got ${JSON.stringify(value)}`];
}

function wholeNumber(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): string[] {
  const ok = typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
  return ok ? [] : [`${field} must be a whole number from ${min} to ${max}, got ${String(value)}`];
}
