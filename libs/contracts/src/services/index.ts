export * from './topics';
export * from './service-reply';
export * from './accounts-views';
export * from './accounts-requests';
export * from './ledger-requests';
