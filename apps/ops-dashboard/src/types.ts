// The operator API answers the dashboard reads (docs/operations.md, "Ops dashboard").
// Amounts of the list, ledger, usage and activity routes are decimal strings of currency units;
// the team route keeps its integer cents.

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface TeamSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly currency: string;
  readonly balance: string;
  readonly subAccounts: number;
  readonly spend24h: string;
}

export interface TeamAccount {
  readonly id: string;
  readonly kind: 'main' | 'sub';
  readonly name: string;
  readonly externalId: string | null;
  readonly status: string;
  /** Integer cents. */
  readonly totalSpent: number;
  /** Integer cents; null for no limit. */
  readonly creditLimit: number | null;
  readonly keys?: number;
  readonly metadata: Record<string, unknown> | null;
}

export interface TeamDetails {
  readonly team: { readonly id: string; readonly name: string; readonly currency: string; readonly createdAt: string };
  /** Integer cents. */
  readonly balance: number;
  readonly accounts: readonly TeamAccount[];
}

export interface LedgerEntry {
  readonly position: string;
  readonly type: string;
  readonly at: string;
  readonly accountId: string | null;
  readonly amount: string;
  readonly balanceAfter: string;
  readonly reason: string | null;
}

export interface UsageBucket {
  readonly start: string;
  readonly charges: number;
  readonly refunds: number;
  readonly refusals: number;
  readonly spend: string;
}

export interface Usage {
  readonly buckets: readonly UsageBucket[];
}

export interface ActivityMinute {
  readonly start: string;
  readonly accepted: number;
  readonly refunds: number;
  readonly refused: Readonly<Record<string, number>>;
}

export interface Activity {
  readonly from: string;
  readonly to: string;
  readonly minutes: readonly ActivityMinute[];
  readonly projections: readonly { readonly name: string; readonly projectedTo: string; readonly lagEvents: number }[];
  readonly kafka:
    | readonly { readonly group: string; readonly topic: string; readonly partition: number; readonly lag: number }[]
    | null;
}
