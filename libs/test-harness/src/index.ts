export * from './kafka/kafka-broker';
export * from './postgres/every-row-as-text';
export * from './postgres/test-database';
export * from './process/service-process';
export * from './process/distributed-stack';
export * from './process/compiled-services';
export * from './browser/headless-chromium';
export * from './process/tcp-proxy';
