import { type ChargeHistory, describeHistory, NO_HISTORY } from './charge-decisions';
import type { CrashTeam } from '../load/crash-teams';
import type { StoredLedgerEvent } from './ledger-snapshot';
import { isDefinitive, type SendOutcome, type SendRecord } from '../load/send-record';

// The checks that hold each client request against the ledger's events. Each returns one sentence
// per violation, naming the request by its Idempotency-Key and the charge by its id.

type Histories = ReadonlyMap<string, ChargeHistory>;

const show = (outcome: SendOutcome | undefined) =>
  outcome === undefined
    ? 'no answer'
    : JSON.stringify(outcome, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}` : value));
const named = (record: SendRecord) =>
  `key ${record.idempotencyKey} (${record.account.label}, charge ${record.chargeId})`;

/** Check 1: a 202's charge is in the event store exactly once, on its account, for the cost answered. */
export function acceptedChargesRecordedOnce(records: readonly SendRecord[], histories: Histories): string[] {
  const violations: string[] = [];
  for (const record of records) {
    const outcome = record.final;
    if (outcome?.type !== 'accepted') continue;
    if (outcome.messageId !== record.chargeId) {
      violations.push(`${named(record)}: answered message ${outcome.messageId}, not the id derived from its key`);
    }
    const history = histories.get(outcome.messageId) ?? NO_HISTORY;
    const [accepted] = history.accepted;
    if (history.accepted.length !== 1 || history.refused.length !== 0 || history.refunded.length !== 0) {
      violations.push(
        `${named(record)}: answered 202 but its charge has ${describeHistory(history)} (expected one ChargeAccepted)`,
      );
    } else if (
      accepted.teamId !== record.account.teamId ||
      accepted.event.accountId !== record.account.accountId ||
      accepted.event.amount !== outcome.cost
    ) {
      violations.push(
        `${named(record)}: answered 202 costing ${outcome.cost} micros, but the ledger charged ${accepted.event.amount} to ${accepted.event.accountId} in team ${accepted.teamId}`,
      );
    }
  }
  return violations;
}

/** Check 2: a 402 moved no money: its charge has only the ChargeRefused that records the refusal, with the same reason. */
export function refusalsChangedNothing(records: readonly SendRecord[], histories: Histories): string[] {
  const violations: string[] = [];
  for (const record of records) {
    const outcome = record.final;
    if (outcome?.type !== 'refused') continue;
    const history = histories.get(record.chargeId) ?? NO_HISTORY;
    const refusal = history.refused[0]?.event;
    if (
      history.accepted.length !== 0 ||
      history.refunded.length !== 0 ||
      history.refused.length !== 1 ||
      refusal.reason !== outcome.code
    ) {
      violations.push(
        `${named(record)}: answered 402 ${outcome.code}, but its charge has ${describeHistory(history)} (expected one ChargeRefused ${outcome.code} and no ChargeAccepted)`,
      );
    }
  }
  return violations;
}

/** Check 3: a request first answered 503 or cut off, retried with its key, got a definitive answer that the ledger bears out. */
export function retriedRequestsAppliedOnce(records: readonly SendRecord[], histories: Histories): string[] {
  const violations: string[] = [];
  for (const record of records) {
    if (isDefinitive(record.first)) continue;
    const history = histories.get(record.chargeId) ?? NO_HISTORY;
    const final = record.final;
    if (!isDefinitive(final)) {
      violations.push(
        `${named(record)}: first ${show(record.first)}, still ${show(final)} after ${record.attempts} attempts; ledger has ${describeHistory(history)}`,
      );
    } else if (final.type === 'accepted' && history.accepted.length !== 1) {
      violations.push(
        `${named(record)}: first ${show(record.first)}, then 202 on retry, but its charge has ${describeHistory(history)}`,
      );
    } else if (final.type === 'refused' && history.accepted.length !== 0) {
      violations.push(
        `${named(record)}: first ${show(record.first)}, then 402 on retry, but its charge has ${describeHistory(history)}`,
      );
    }
  }
  return violations;
}

/**
 * Check 4: nothing in the ledger that no request accounts for: every decided charge is a request of
 * the run whose final answer says the same, decided once; no refund (the carrier never fails in
 * this run); no credit but the one top-up of each team.
 */
export function nothingUnaccountedFor(
  records: readonly SendRecord[],
  histories: Histories,
  events: readonly StoredLedgerEvent[],
  teams: readonly CrashTeam[],
): string[] {
  const violations: string[] = [];
  const byCharge = new Map(records.map((record) => [record.chargeId, record]));
  for (const [chargeId, history] of histories) {
    const record = byCharge.get(chargeId);
    const decisions = history.accepted.length + history.refused.length;
    if (record === undefined)
      violations.push(`charge ${chargeId} has ${describeHistory(history)} but no request of the run names it`);
    else if (decisions !== 1)
      violations.push(`${named(record)}: decided ${decisions} times: ${describeHistory(history)}`);
    else if (history.accepted.length === 1 && record.final?.type !== 'accepted')
      violations.push(`${named(record)}: accepted by the ledger but finally answered ${show(record.final)}`);
    else if (history.refused.length === 1 && record.final?.type !== 'refused')
      violations.push(`${named(record)}: refused by the ledger but finally answered ${show(record.final)}`);
    if (history.refunded.length > 0)
      violations.push(`charge ${chargeId} was refunded although no message failed: ${describeHistory(history)}`);
  }
  for (const team of teams) {
    const credits = events.filter(
      (stored) =>
        stored.teamId === team.teamId &&
        (stored.event.type === 'TopUpRecorded' || stored.event.type === 'BalanceAdjusted'),
    );
    const amounts = credits.map(
      (stored) => `${stored.event.type} ${'amount' in stored.event ? stored.event.amount : ''}`,
    );
    const expected = `TopUpRecorded ${BigInt(team.plan.topUpCents) * 10_000n}`;
    if (amounts.length !== 1 || amounts[0] !== expected)
      violations.push(
        `team ${team.plan.name} (${team.teamId}) has credits [${amounts.join(', ')}], expected [${expected}]`,
      );
  }
  return violations;
}
