import { evolve, initialState, type LedgerState } from '@subledger/ledger-domain';
import { type ChargeHistory, chargeHistories, describeHistory } from '../audit/charge-decisions';
import { projectionsMatchReplay } from '../audit/ledger-checks';
import type { LedgerSnapshot } from '../audit/ledger-snapshot';
import {
  acceptedChargesRecordedOnce,
  refusalsChangedNothing,
  retriedRequestsAppliedOnce,
} from '../audit/request-checks';
import type { CrashTeam } from '../load/crash-teams';
import type { SendOutcome, SendRecord } from '../load/send-record';

/** Whether every team has at least `count` requests first sent at or after `since` whose first answer matches. */
export function everyTeamHas(
  records: readonly SendRecord[],
  teams: readonly CrashTeam[],
  since: number,
  matches: (record: SendRecord, first: SendOutcome) => boolean,
  count = 1,
): boolean {
  const found = new Map<string, number>();
  for (const record of records) {
    if (record.startedAt < since || record.first === undefined || !matches(record, record.first)) continue;
    found.set(record.account.teamId, (found.get(record.account.teamId) ?? 0) + 1);
  }
  return teams.every((team) => (found.get(team.teamId) ?? 0) >= count);
}

/**
 * Everything wrong with the run, one sentence each: an answer no request should get while a
 * partition moves (anything but 202, 402, 503 upstream_timeout, 409 request_in_progress or a
 * dropped connection); a request not decided exactly once as answered; a decided charge no request
 * names; a moment of a team's history with a cap crossed or the balance below zero; a projection
 * that is not the replay of its events.
 */
export function rebalanceFindings(
  records: readonly SendRecord[],
  snapshot: LedgerSnapshot,
  teams: readonly CrashTeam[],
): string[] {
  const histories = chargeHistories(snapshot);
  return [
    ...records.flatMap((record) =>
      isExpected(record.first) ? [] : [`key ${record.idempotencyKey}: first answered ${JSON.stringify(record.first)}`],
    ),
    ...acceptedChargesRecordedOnce(records, histories),
    ...refusalsChangedNothing(records, histories),
    ...retriedRequestsAppliedOnce(records, histories),
    ...chargesOfNoRequest(records, histories),
    ...historyFindings(snapshot),
    ...projectionsMatchReplay(snapshot, teams),
  ];
}

function isExpected(first: SendOutcome | undefined): boolean {
  if (first?.type !== 'unexpected') return first !== undefined;
  return first.status === 409 && (first.body as { code?: unknown } | null)?.code === 'request_in_progress';
}

/** Every charge in the ledger is a request of the run, decided once, and none was refunded (no message failed). */
function chargesOfNoRequest(records: readonly SendRecord[], histories: ReadonlyMap<string, ChargeHistory>): string[] {
  const requested = new Set(records.map((record) => record.chargeId));
  const findings: string[] = [];
  for (const [chargeId, history] of histories) {
    const decisions = history.accepted.length + history.refused.length;
    if (!requested.has(chargeId))
      findings.push(`charge ${chargeId} has ${describeHistory(history)} but no request of the run names it`);
    else if (decisions !== 1 || history.refunded.length > 0)
      findings.push(`charge ${chargeId}: ${describeHistory(history)} (expected one decision, no refund)`);
  }
  return findings;
}

/** Each team's stream folded by the domain event by event: no capped account past its cap, no balance below zero, at any version. */
function historyFindings(snapshot: LedgerSnapshot): string[] {
  const findings: string[] = [];
  const states = new Map<string, LedgerState>();
  for (const { teamId, version, event } of snapshot.events) {
    const state = states.get(teamId) ?? initialState();
    states.set(teamId, evolve(state, event));
    if (state.balance < 0n) findings.push(`team ${teamId}: balance ${state.balance} micros at version ${version}`);
    for (const [accountId, { totalSpent, creditLimit }] of state.accounts) {
      if (creditLimit !== null && totalSpent > creditLimit)
        findings.push(
          `team ${teamId}: ${accountId} spent ${totalSpent} micros over its cap of ${creditLimit} at version ${version}`,
        );
    }
  }
  return findings;
}
