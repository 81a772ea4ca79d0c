export * from './bus-client-proxy';
export * from './bus-context';
export * from './bus-handler.decorator';
export * from './bus-handlers';
export * from './bus-transport';
