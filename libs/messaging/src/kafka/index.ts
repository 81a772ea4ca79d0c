export * from './kafka-connection';
export * from './kafka-connection.config';
export type { KafkaConsumerOptions } from './kafka-message-consumer';
export type { KafkaProducerOptions } from './kafka-message-producer';
export * from './messaging-logger.port';
export * from './message-consumer.port';
export * from './message-producer.port';
export * from './topic-admin.port';
export * from './bus';
