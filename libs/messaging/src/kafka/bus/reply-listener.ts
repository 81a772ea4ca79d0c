import { Headers } from '../../port/message-envelope';
import { ConsumedMessage } from '../message-consumer.port';
import { MessagingLogger } from '../messaging-logger.port';
import { PendingRequests } from './pending-requests';
import { readValue } from './wire-version';

/**
 * Hands each reply on this instance's reply topic to the request waiting for it, decoded with the
 * reply codec chosen when it was asked; a reply that does not decode fails its request.
 */
export function replyListener(pending: PendingRequests, logger: MessagingLogger) {
  return async (batch: ConsumedMessage[]): Promise<void> => {
    for (const message of batch) {
      const correlationId = message.headers[Headers.correlationId];
      if (correlationId === undefined) continue;
      const codec = pending.replyCodecOf(correlationId);
      // Unknown ids are replies that came after their deadline, or duplicates of a redelivered request.
      if (codec === undefined) {
        logger.debug(`Ignored a reply nobody waits for: ${correlationId}`);
        continue;
      }
      let outcome: { value: unknown } | { error: unknown };
      try {
        outcome = { value: readValue(message, codec) };
      } catch (error) {
        outcome = { error };
      }
      pending.settle(correlationId, outcome);
    }
  };
}
