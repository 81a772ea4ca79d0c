export * from './ledger-command';
export * from './ledger-event';
export type * from './ledger-outcome';
export type { LedgerDecodeError, LedgerDecodeReason } from './ledger-decode-error';
export type { LedgerJson, LedgerJsonValue } from './ledger-json';
export * from './ledger-event-codec';
export * from './ledger-command-codec';
