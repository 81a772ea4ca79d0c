// `@subledger/ledger-feature/operations`: what the operator CLI (apps/cli) runs against the
// ledger's store without starting the service: its migrations, the rebuilds of its projections,
// the money check, the export, the balances and the replay of its events. Nothing here loads Nest.
export { ledgerMigrations } from '../store/ledger-migrations';
export { replayLedgerEvents, type LedgerEventsReplay, type ReplayResult } from '../outbox/replay-ledger-events';
export { ledgerRebuilds, opsRebuilds } from './ledger-rebuilds';
export { verifyLedger, type VerifyResult } from './verify-ledger';
export type { MoneyMismatch } from './money-invariants';
export { exportLedger, type LedgerExport } from './ledger-export';
export type { LedgerExportFormat } from './ledger-export.format';
export { teamBalancesOf } from './team-balances';
