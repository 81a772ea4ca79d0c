export * from './kafka-message-bus';
export * from './kafka-message-bus.options';
export * from './message-codec.error';
export * from './topic-codecs';
export { deadLetterTopicOf } from './dead-letter';
