export * from './kafka-message-bus';
export * from './kafka-message-bus.options';
export * from './message-codec.error';
export { decodeValue, encodeValue, WIRE_SCHEMA_VERSION } from './bigint-json.codec';
export { deadLetterTopicOf } from './dead-letter';
