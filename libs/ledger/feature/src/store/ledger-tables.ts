/** The ledger's own tables, beside the events in the event store's schema, named with a `ledger_` prefix. */
export interface LedgerTables {
  readonly events: string;
  /** The event store's stream heads (stream_id, stream_version). */
  readonly streams: string;
  /** The event store's function raising its version conflict from inside a statement. */
  readonly wrongExpectedVersion: string;
  readonly teamBalances: string;
  readonly accountSpend: string;
  readonly processedCommands: string;
  readonly consumerOffsets: string;
  /** The usage projection: charges, refunds, refusals and spend per account and hour. */
  readonly usageHourly: string;
  /** The activity projection: charges accepted, refunds and refusals by reason per minute, every team together. */
  readonly activityMinutes: string;
}

export function ledgerTables(quotedSchema: string): LedgerTables {
  return {
    events: `${quotedSchema}.events`,
    streams: `${quotedSchema}.streams`,
    wrongExpectedVersion: `${quotedSchema}.wrong_expected_version`,
    teamBalances: `${quotedSchema}.ledger_team_balances`,
    accountSpend: `${quotedSchema}.ledger_account_spend`,
    processedCommands: `${quotedSchema}.ledger_processed_commands`,
    consumerOffsets: `${quotedSchema}.ledger_consumer_offsets`,
    usageHourly: `${quotedSchema}.ledger_usage_hourly`,
    activityMinutes: `${quotedSchema}.ledger_activity_minutes`,
  };
}
