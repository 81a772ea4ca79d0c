export { LedgerModule } from './ledger.module';
export { LEDGER_OPTIONS, LedgerGroups, type LedgerModuleOptions } from './ledger-module.options';
export { LedgerCommandHandler } from './commands/ledger-command.handler';
export { LedgerQueryHandler } from './queries/ledger-query.handler';
export { TeamLedgerCache } from './team-state/team-ledger.cache';
export { readConsumerOffsets, type ConsumerOffsetRow } from './commands/consumer-offsets';
export { ledgerTables, type LedgerTables } from './store/ledger-tables';
export type { LedgerStore } from './store/ledger-store';
export { LedgerEventsRelayModule } from './outbox/ledger-events-relay.module';
export { LedgerEventsRelay } from './outbox/ledger-events.relay';
export { LEDGER_EVENTS_RELAY_OPTIONS, type LedgerEventsRelayOptions } from './outbox/ledger-events-relay.options';
export { LedgerEventHeaders, type LedgerEventMessage } from './outbox/ledger-event-message';
export { UsageProjector } from './usage/usage-projector';
export { ActivityProjector } from './activity/activity-projector';
// What the operator CLI runs without the service, also its own entry (`@subledger/ledger-feature/operations`).
export * from './operations';
