export * from './codec';
export * from './ledger';
export * from './accounts';
export * from './services';
