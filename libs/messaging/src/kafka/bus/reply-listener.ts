import { Headers } from '../../port/message-envelope';
import { ConsumedMessage } from '../message-consumer.port';
import { MessagingLogger } from '../messaging-logger.port';
import { decodeValue } from './bigint-json.codec';
import { PendingRequests } from './pending-requests';

/** Hands each reply on this instance's reply topic to the request waiting for it. */
export function replyListener(pending: PendingRequests, logger: MessagingLogger) {
  return async (batch: ConsumedMessage[]): Promise<void> => {
    for (const message of batch) {
      const correlationId = message.headers[Headers.correlationId];
      if (correlationId === undefined) continue;
      let outcome: { value: unknown } | { error: unknown };
      try {
        outcome = { value: decodeValue(message.value) };
      } catch (error) {
        outcome = { error };
      }
      // Unknown ids are replies that came after their deadline, or duplicates of a redelivered request.
      if (!pending.settle(correlationId, outcome)) logger.debug(`Ignored a reply nobody waits for: ${correlationId}`);
    }
  };
}
