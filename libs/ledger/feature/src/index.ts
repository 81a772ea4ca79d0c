export { LedgerModule } from './ledger.module';
export { LEDGER_OPTIONS, LedgerGroups, type LedgerModuleOptions } from './ledger-module.options';
export { LedgerCommandHandler } from './commands/ledger-command.handler';
export { LedgerQueryHandler } from './queries/ledger-query.handler';
export { TeamLedgerCache } from './team-state/team-ledger.cache';
export { readConsumerOffsets, type ConsumerOffsetRow } from './commands/consumer-offsets';
export { ledgerTables, type LedgerTables } from './store/ledger-tables';
export type { LedgerStore } from './store/ledger-store';
