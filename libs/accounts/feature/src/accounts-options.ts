import { DEFAULT_DELETION_RETENTION_MS } from '@subledger/accounts-domain';

/** Settings of the simulated carrier that stands in for real delivery. */
export interface CarrierSimulatorOptions {
  /** Share of messages that end `failed` instead of `delivered`, 0 to 1. Default 0. */
  failureRate?: number;
  /** Wait before each status step (queued -> sent, sent -> delivered | failed). Default 1000 ms. */
  stepDelayMs?: number;
  /** A number in [0, 1) per message, compared with `failureRate`; tests make it deterministic. */
  random?: () => number;
}

/** Settings of `AccountsModule.forRoot`. */
export interface AccountsModuleOptions {
  /** Deadline of a command forwarded to the ledger. Default 5000 ms. */
  ledgerTimeoutMs?: number;
  /** How long a scheduled deletion can be undone. Default 14 days. */
  deletionRetentionMs?: number;
  /** How often pending deletions are swept for due reminders and purges; `null` turns it off. Default 60 s. */
  deletionSweepIntervalMs?: number | null;
  /** Deadline of one account's sweep (reminders and purge) through the team's command queue. Default 30 s. */
  deletionStepTimeoutMs?: number;
  carrier?: CarrierSimulatorOptions;
  /** Teams whose account states stay in memory; the least recently used beyond it are reloaded from their streams. Default 10,000. */
  cachedTeams?: number;
}

export type ResolvedAccountsOptions = Required<Omit<AccountsModuleOptions, 'carrier'>> & {
  readonly carrier: Required<CarrierSimulatorOptions>;
};

export const ACCOUNTS_OPTIONS = Symbol('ACCOUNTS_OPTIONS');

/** Fills in the defaults and refuses a bad setting at start, naming it. */
export function resolveAccountsOptions(options: AccountsModuleOptions = {}): ResolvedAccountsOptions {
  const resolved: ResolvedAccountsOptions = {
    ledgerTimeoutMs: options.ledgerTimeoutMs ?? 5_000,
    deletionRetentionMs: options.deletionRetentionMs ?? DEFAULT_DELETION_RETENTION_MS,
    deletionSweepIntervalMs: options.deletionSweepIntervalMs === undefined ? 60_000 : options.deletionSweepIntervalMs,
    deletionStepTimeoutMs: options.deletionStepTimeoutMs ?? 30_000,
    cachedTeams: options.cachedTeams ?? 10_000,
    carrier: {
      failureRate: options.carrier?.failureRate ?? 0,
      stepDelayMs: options.carrier?.stepDelayMs ?? 1_000,
      random: options.carrier?.random ?? Math.random,
    },
  };
  const problems = [
    positive('ledgerTimeoutMs', resolved.ledgerTimeoutMs),
    positive('deletionRetentionMs', resolved.deletionRetentionMs),
    resolved.deletionSweepIntervalMs === null
      ? null
      : positive('deletionSweepIntervalMs', resolved.deletionSweepIntervalMs),
    positive('deletionStepTimeoutMs', resolved.deletionStepTimeoutMs),
    positive('cachedTeams', resolved.cachedTeams),
    between('carrier.failureRate', resolved.carrier.failureRate, 0, 1),
    between('carrier.stepDelayMs', resolved.carrier.stepDelayMs, 0, 3_600_000),
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) throw new Error(`Invalid accounts module options: ${problems.join('; ')}`);
  return resolved;
}

function positive(name: string, value: number): string | null {
  return Number.isSafeInteger(value) && value > 0 ? null : `${name} must be a positive whole number, got ${value}`;
}

function between(name: string, value: number, min: number, max: number): string | null {
  return Number.isFinite(value) && value >= min && value <= max
    ? null
    : `${name} must be between ${min} and ${max}, got ${value}`;
}
