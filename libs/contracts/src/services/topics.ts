/**
 * The topics the services talk over. Every request is keyed by team id (authentication by key
 * digest), so one consumer is the single writer of a team's accounts and of its money.
 */
export const Topics = {
  /** LedgerCommand -> ServiceReply<LedgerOutcome>. Charges, top-ups, refunds and spend policies of a team share a partition. */
  ledgerCommands: 'ledger.commands',
  /** LedgerQuery -> its reply; reads committed projections. */
  ledgerQueries: 'ledger.queries',
  /**
   * Every committed ledger event, in the event store's global order, keyed by team id: the
   * ledger's transactional outbox, for readers such as dashboards. Delivery is at-least-once, so a
   * consumer skips an event whose stream version it has already applied (or dedupes by event id).
   */
  ledgerEvents: 'ledger.events',
  /** AccountsCommand -> its reply. */
  accountsCommands: 'accounts.commands',
  /** AccountsQuery -> its reply. */
  accountsQueries: 'accounts.queries',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/**
 * Topic-level settings a service gives a topic it creates. `ledger.events` is kept forever, so a
 * consumer that starts late can read every event (docs/events.md, "Retention"); the others keep
 * the broker's defaults.
 */
export const TopicConfigs: Partial<Record<Topic, Record<string, string>>> = {
  [Topics.ledgerEvents]: { 'retention.ms': '-1', 'retention.bytes': '-1' },
};

/**
 * The services' consumer groups of the topics above, before a bus's namespace: the groups whose lag
 * operators watch (GET /admin/v1/activity).
 */
export const ServiceConsumerGroups = ['accounts', 'accounts-queries', 'ledger', 'ledger-queries'] as const;
