export * from './ledger-command';
export * from './ledger-event';
export type * from './ledger-outcome';
export * from './ledger-event-codec';
export * from './ledger-command-codec';
