import type { FieldCodec } from '../codec/field-codec';
import {
  currency,
  flag,
  nonEmptyText as id,
  nullable,
  oneOf,
  optional,
  safeInteger as count,
  text,
} from '../codec/field-codecs';
import { signedMicros as micros } from '../codec/micros-codecs';
import { object } from '../codec/object-codec';
import { taggedUnion, unionCodec } from '../codec/union-codec';
import { type WireCodec, wireCodec } from '../codec/wire-codec';
import { list } from '../codec/field-codecs';
import { ledgerCommandCodec } from '../ledger/ledger-command-codec';
import { CHARGE_REFUSAL_REASONS, type ChargeRefusalReason, SPEND_STATUSES } from '../ledger/ledger-event';
import type { LedgerCommand } from '../ledger/ledger-command';
import type { LedgerOutcome, LedgerRefusal } from '../ledger/ledger-outcome';
import type {
  AccountSpendView,
  ActivityMinuteView,
  ActivityView,
  LedgerCommandRefusal,
  LedgerCommandReply,
  LedgerEntryView,
  LedgerQuery,
  LedgerQueryRefusal,
  LedgerQueryReplies,
  LedgerQueryReply,
  ProjectionLagView,
  TeamBalanceView,
  TeamSummaryView,
  UsageBucketView,
  UsageView,
} from './ledger-requests';
import { page, serviceReply } from './service-reply-codec';

// The wire forms of `ledger.commands` and `ledger.queries`: amounts as decimal strings, as in events.

const chargeRefusalReason = oneOf(...CHARGE_REFUSAL_REASONS);
const spendStatus = oneOf(...SPEND_STATUSES);
const replayed = flag;

const refusal = taggedUnion<LedgerRefusal, 'reason'>('reason', {
  team_not_found: { teamId: text },
  team_already_opened: { teamId: text, currency },
  invalid_currency: { currency: text },
  invalid_amount: { amount: micros },
  invalid_credit_limit: { creditLimit: micros },
  invalid_reason: {},
  balance_overflow: { balance: micros, amount: micros },
  insufficient_balance: { balance: micros, amount: micros },
  top_up_id_reused: { topUpId: text },
  adjustment_id_reused: { adjustmentId: text },
  charge_id_reused: { chargeId: text },
  charge_not_found: { chargeId: text },
  charge_not_refundable: { chargeId: text, refusedFor: chargeRefusalReason },
});

const charge = { chargeId: text, accountId: text, amount: micros };

const outcome = taggedUnion<LedgerOutcome, 'type'>('type', {
  team_opened: { teamId: text, currency, replayed },
  top_up_recorded: { topUpId: text, amount: micros, balance: micros, replayed },
  balance_adjusted: { adjustmentId: text, amount: micros, balance: micros, replayed },
  spend_policy_set: {
    accountId: text,
    creditLimit: nullable(micros),
    status: spendStatus,
    totalSpent: micros,
    replayed,
  },
  charge_accepted: { ...charge, balance: micros, totalSpent: micros, replayed },
  charge_refused: {
    ...charge,
    reason: chargeRefusalReason,
    creditLimit: nullable(micros),
    totalSpent: micros,
    balance: micros,
    replayed,
  },
  charge_refunded: { ...charge, balance: micros, totalSpent: micros, replayed },
  refused: { refusal },
});

const commandRefusal = object<LedgerCommandRefusal>({
  type: oneOf('invalid_command'),
  field: nullable(text),
  message: text,
});

/** The shape only: ranges (a limit of 1 to 1,000, whole minutes) are the query handler's to refuse. */
const ledgerQueryCodec = unionCodec<LedgerQuery>(
  {
    GetBalance: { teamId: id, accountIds: list(text) },
    ListLedgerEntries: {
      teamId: id,
      accountId: optional(text),
      cursor: nullable(text),
      limit: count,
      order: optional(oneOf('asc', 'desc')),
    },
    GetUsage: { teamId: id, accountId: optional(text), from: count, to: count, granularity: oneOf('hour', 'day') },
    GetActivity: { from: count, to: count },
    GetTeamSummaries: { teamIds: list(text), spendSince: count },
  },
  'drop',
);

const queryRefusal = taggedUnion<LedgerQueryRefusal, 'type'>('type', {
  team_not_found: {},
  invalid_cursor: {},
  invalid_query: { message: text },
});

const accountSpend = object<AccountSpendView>({
  accountId: text,
  totalSpent: micros,
  creditLimit: nullable(micros),
  status: spendStatus,
});

const entry = object<LedgerEntryView>({
  position: text,
  globalPosition: text,
  type: text,
  at: count,
  accountId: nullable(text),
  chargeId: nullable(text),
  amount: micros,
  balanceAfter: micros,
  reason: nullable(text),
  reference: nullable(text),
});

const bucket = object<UsageBucketView>({
  start: count,
  charges: count,
  refunds: count,
  refusals: count,
  spend: micros,
});

const refusedByReason = object<Readonly<Record<ChargeRefusalReason, number>>>({
  account_inactive: count,
  credit_limit_exceeded: count,
  insufficient_balance: count,
});

const minute = object<ActivityMinuteView>({ start: count, accepted: count, refunds: count, refused: refusedByReason });
const lag = object<ProjectionLagView>({ name: text, projectedTo: text, lagEvents: count });
const summary = object<TeamSummaryView>({ teamId: text, currency: text, balance: micros, spend: micros });

const queryReplies: { readonly [T in keyof LedgerQueryReplies]: FieldCodec<LedgerQueryReplies[T]> } = {
  GetBalance: object<TeamBalanceView>({ teamId: text, currency: text, balance: micros, accounts: list(accountSpend) }),
  ListLedgerEntries: page(entry),
  GetUsage: object<UsageView>({
    teamId: text,
    granularity: oneOf('hour', 'day'),
    buckets: list(bucket),
    projectedTo: text,
  }),
  GetActivity: object<ActivityView>({ from: count, to: count, minutes: list(minute), projections: list(lag) }),
  GetTeamSummaries: object<LedgerQueryReplies['GetTeamSummaries']>({ teams: list(summary) }),
};

export const ledgerCommandWire: WireCodec<LedgerCommand> = wireCodec(ledgerCommandCodec);
export const ledgerCommandReplyWire: WireCodec<LedgerCommandReply> = wireCodec(serviceReply(outcome, commandRefusal));
export const ledgerQueryWire: WireCodec<LedgerQuery> = wireCodec(ledgerQueryCodec);

const queryReplyWires = new Map(
  Object.entries(queryReplies).map(([type, value]) => [
    type,
    wireCodec(serviceReply(value as FieldCodec<unknown>, queryRefusal)),
  ]),
);

/** The reply codec of a query, chosen by its type; an unknown type's reply is read as a refusal only. */
export function ledgerQueryReplyWire<T extends LedgerQuery['type']>(type: T): WireCodec<LedgerQueryReply<T>> {
  return (queryReplyWires.get(type) ?? refusalOnlyWire) as WireCodec<LedgerQueryReply<T>>;
}

const refusalOnlyWire = wireCodec(serviceReply<never, LedgerQueryRefusal>(nothing(), queryRefusal));

function nothing(): FieldCodec<never> {
  return {
    optional: false,
    encode: () => {
      throw new Error('No value is expected here');
    },
    decode: (_value, path) => ({
      ok: false,
      error: { reason: 'invalid_field', field: path, message: `${path} is not expected` },
    }),
  };
}
