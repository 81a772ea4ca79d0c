import fc from 'fast-check';
import type { LedgerCommand, SpendStatus } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import { TEAM } from './ledger-fixtures';

/** A step of a random run: a new command, or an exact repeat of the command `back` steps ago. */
export type LedgerStep =
  { readonly kind: 'command'; readonly command: LedgerCommand } | { readonly kind: 'repeat'; readonly back: number };

// Small pools of ids and accounts, so that repeats, reuses and limits collide often.
const account = fc.constantFrom('main', 'sub-a', 'sub-b', 'sub-c');
const idFrom = (prefix: string, count: number) => fc.nat({ max: count - 1 }).map((n) => `${prefix}${n}`);
const rarely = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: rare });
const mostlyValid = (valid: fc.Arbitrary<Micros>) => rarely(valid, fc.constantFrom(0n, -7n));
const reason = rarely(fc.constantFrom('message_failed', 'operator'), fc.constant(' '));
const status = fc.constantFrom<SpendStatus>('active', 'active', 'active', 'inactive');
const limit = fc.option(fc.bigInt(0n, 1_500n), { nil: null, freq: 3 });
const at = fc.integer({ min: 1_767_225_600_000, max: 1_767_312_000_000 });

type Fields<C> = C extends LedgerCommand ? Omit<C, 'teamId'> : never;
const forTeam = (command: Fields<LedgerCommand>): LedgerCommand => ({ ...command, teamId: TEAM }) as LedgerCommand;

const openTeam = fc.record({
  type: fc.constant('OpenTeam' as const),
  currency: fc.constantFrom('usd', 'usd', 'eur'),
  at,
});
const topUp = fc.record({
  type: fc.constant('TopUp' as const),
  topUpId: idFrom('t', 6),
  amount: mostlyValid(fc.bigInt(1n, 2_000n)),
  at,
});
const adjust = fc.record({
  type: fc.constant('Adjust' as const),
  adjustmentId: idFrom('j', 6),
  amount: fc.bigInt(-1_500n, 1_500n),
  reason,
  at,
});
const setPolicy = fc.record({
  type: fc.constant('SetSpendPolicy' as const),
  accountId: account,
  creditLimit: limit,
  status,
  at,
});
const charge = fc.record({
  type: fc.constant('ChargeMessage' as const),
  chargeId: idFrom('c', 40),
  accountId: account,
  amount: mostlyValid(fc.bigInt(1n, 400n)),
  at,
});
const refund = fc.record({ type: fc.constant('RefundCharge' as const), chargeId: idFrom('c', 40), reason, at });

const command = fc
  .oneof(
    { weight: 1, arbitrary: openTeam },
    { weight: 3, arbitrary: topUp },
    { weight: 2, arbitrary: adjust },
    { weight: 3, arbitrary: setPolicy },
    { weight: 12, arbitrary: charge },
    { weight: 4, arbitrary: refund },
  )
  .map(forTeam);

const step: fc.Arbitrary<LedgerStep> = fc.oneof(
  { weight: 6, arbitrary: command.map((c): LedgerStep => ({ kind: 'command', command: c })) },
  { weight: 1, arbitrary: fc.nat({ max: 30 }).map((back): LedgerStep => ({ kind: 'repeat', back })) },
);

const opening: LedgerStep = { kind: 'command', command: { type: 'OpenTeam', teamId: TEAM, currency: 'usd', at: 0 } };

/** Runs that mostly (nine in ten) begin by opening the team; the others must be refused until it is. */
export const ledgerRun: fc.Arbitrary<LedgerStep[]> = fc
  .tuple(fc.nat({ max: 9 }), fc.array(step, { minLength: 1, maxLength: 150, size: 'large' }))
  .map(([dice, steps]) => (dice > 0 ? [opening, ...steps] : steps));
