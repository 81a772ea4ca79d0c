/**
 * The topics the services talk over. Every request is keyed by team id (authentication by key
 * digest), so one consumer is the single writer of a team's accounts and of its money.
 */
export const Topics = {
  /** LedgerCommand -> ServiceReply<LedgerOutcome>. Charges, top-ups, refunds and spend policies of a team share a partition. */
  ledgerCommands: 'ledger.commands',
  /** LedgerQuery -> its reply; reads committed projections. */
  ledgerQueries: 'ledger.queries',
  /** AccountsCommand -> its reply. */
  accountsCommands: 'accounts.commands',
  /** AccountsQuery -> its reply. */
  accountsQueries: 'accounts.queries',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];
