export * from './ledger';
export * from './accounts';
