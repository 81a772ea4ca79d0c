import { Headers } from '../../port/message-envelope';
import type { ConsumedMessage } from '../message-consumer.port';
import { MessageDecodeError } from './message-codec.error';
import type { PayloadCodec } from './topic-codecs';
import { WIRE_SCHEMA_VERSION } from './topic-codecs';
import { decodeValue, WIRE_V1 } from './wire-v1.codec';

/**
 * Reads a consumed value in the wire format its schema-version header names: this bus' own (also
 * when the header is absent) through `codec`, or the first format for one release. Throws a
 * MessageDecodeError for any other version or a value that does not decode.
 */
export function readValue(message: ConsumedMessage, codec: PayloadCodec): unknown {
  const version = message.headers[Headers.schemaVersion];
  if (version === WIRE_V1) return decodeValue(message.value);
  if (version !== undefined && version !== WIRE_SCHEMA_VERSION)
    throw new MessageDecodeError(`schema version ${version} is not ${WIRE_SCHEMA_VERSION}`);
  const decoded = codec.decode(message.value.toString('utf8'));
  if (!decoded.ok) throw new MessageDecodeError(decoded.error.message, decoded.error.field);
  return decoded.value;
}
