import type { TeamPlan } from '../load/crash-teams';

/**
 * The teams of a fault run, in cents: most with room for thousands of sends, sub-accounts with caps
 * that some reach during the run, and a team whose balance runs out, so that both refusals are
 * decided (and audited) while faults strike. Two of each, so that both replicas of the ledger own some.
 */
export const FAULT_TEAMS: readonly TeamPlan[] = [1, 2].flatMap((n) => [
  { name: `Deep ${n}`, topUpCents: 200_000, subAccountLimitsCents: [40, 400, null] },
  { name: `Mid ${n}`, topUpCents: 50_000, subAccountLimitsCents: [25, 150] },
  { name: `Capped ${n}`, topUpCents: 50_000, subAccountLimitsCents: [3, 15, 80] },
  { name: `Thin ${n}`, topUpCents: 15, subAccountLimitsCents: [null, 10] },
]);
