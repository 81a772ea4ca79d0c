export * from './message-envelope';
export * from './request-timeout.error';
export * from './partition-for-key';
export * from './message-bus.port';
export * from './message-bus-closed.error';
