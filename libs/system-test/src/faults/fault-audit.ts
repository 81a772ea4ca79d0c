import { readThroughApi } from '../audit/api-readings';
import { chargeHistories } from '../audit/charge-decisions';
import { limitsHeld, projectionsMatchReplay } from '../audit/ledger-checks';
import { readLedgerSnapshot } from '../audit/ledger-snapshot';
import {
  acceptedChargesRecordedOnce,
  nothingUnaccountedFor,
  refusalsChangedNothing,
  retriedRequestsAppliedOnce,
} from '../audit/request-checks';
import type { CrashLoad } from '../load/crash-load';
import type { CrashTeam } from '../load/crash-teams';
import { retryUndecided } from '../load/retry-undecided';
import type { SendRecord } from '../load/send-record';

/** One check of the audit and what broke it: one sentence per violation, none when it held. */
export interface CheckResult {
  readonly name: string;
  readonly violations: readonly string[];
}

export interface Audit {
  /** Sends without a definitive first answer, sent again with their key in this audit. */
  readonly resent: number;
  readonly checks: readonly CheckResult[];
}

/** The names of the checks, in the order the audit runs them (the crash spec's checks 1 to 6). */
export const CHECK_NAMES = [
  'every 202 recorded once',
  'every 402 changed nothing',
  'every undecided send, resent with its key, applied once or refused',
  'nothing unaccounted for',
  'no cap or balance crossed at any version',
  'projections equal the replay',
] as const;

/**
 * With the load stopped: every send without a definitive answer is sent again with its own key
 * until it gets one, then the ledger's schema and what the API shows are held against every answer
 * of the run so far, with the checks of the ledger crash spec.
 */
export async function auditRun(
  databaseUrl: string,
  ledgerSchema: string,
  load: CrashLoad,
  teams: readonly CrashTeam[],
  retryForMs = 120_000,
): Promise<Audit> {
  const startedAt = Date.now();
  const retried = await retryUndecided(load.records, {
    gatewayUrl: () => load.gatewayUrl(),
    clientTimeoutMs: 30_000,
    concurrency: 4,
    deadline: startedAt + retryForMs,
  });
  const records: readonly SendRecord[] = load.records;
  const snapshot = await readLedgerSnapshot(databaseUrl, ledgerSchema);
  const histories = chargeHistories(snapshot);
  const api = await readThroughApi(load.gatewayUrl(), teams);
  const found = [
    acceptedChargesRecordedOnce(records, histories),
    refusalsChangedNothing(records, histories),
    retriedRequestsAppliedOnce(records, histories),
    nothingUnaccountedFor(records, histories, snapshot.events, teams),
    limitsHeld(snapshot, api),
    projectionsMatchReplay(snapshot, teams),
  ];
  return {
    resent: retried.filter((record) => (record.retriedAt ?? 0) >= startedAt).length,
    checks: CHECK_NAMES.map((name, index) => ({ name, violations: found[index] })),
  };
}
