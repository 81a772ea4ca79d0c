import { Logger } from '@nestjs/common';
import { type BatchHandler, type Envelope, Headers, type MessageBus } from '@subledger/messaging';
import { runWithRequestIds } from '../logging/log-context';

/** The distinct request ids a batch's messages carry in their `request-id` header, in order. */
export function requestIdsOf(batch: readonly Envelope[]): string[] {
  const ids = new Set<string>();
  for (const message of batch) {
    const id = message.headers[Headers.requestId];
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/**
 * Makes every handler subscribed through `bus` run in the request-id scope of its batch, so that
 * each log line written while handling it names the requests it serves (docs/decisions.md,
 * "Request ids"), and says at `debug` what it handles. Changes `bus.subscribe` in place, so that the
 * bus keeps its other members (topic creation, lag, close) as they are.
 */
export function scopeHandlersByRequestId<B extends MessageBus>(bus: B, service: string): B {
  const logger = new Logger(`bus:${service}`);
  const subscribe = bus.subscribe.bind(bus);
  bus.subscribe = <T, R>(
    topic: string,
    group: string,
    handler: BatchHandler<T, R>,
    options?: Parameters<MessageBus['subscribe']>[3],
  ) =>
    subscribe<T, R>(
      topic,
      group,
      (batch) =>
        runWithRequestIds(requestIdsOf(batch), () => {
          logger.debug(
            `Handling ${batch.length} message${batch.length === 1 ? '' : 's'} of ${topic} for group ${group}`,
          );
          return handler(batch);
        }),
      options,
    );
  return bus;
}
