import { topicWire } from '@subledger/contracts';
import { plainJson, type TopicCodecs } from '@subledger/messaging';

/**
 * The Kafka bus' codecs from the contracts: the request-reply topics' own wire codecs (amounts as
 * decimal strings, every field checked), plain JSON for the others (`ledger.events` carries events
 * the ledger's codec already wrote; the dead-letter topics what was set aside).
 */
export const contractTopicCodecs: TopicCodecs = {
  request: (topic) => topicWire(topic)?.request ?? plainJson,
  reply: (topic, request) => topicWire(topic)?.replyTo(request) ?? plainJson,
  refusal: (topic, error) => {
    const wire = topicWire(topic);
    return wire?.replyTo(undefined).encode(wire.refusal(error));
  },
};
