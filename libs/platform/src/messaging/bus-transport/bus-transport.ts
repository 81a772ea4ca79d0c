import type { CustomTransportStrategy, MessageHandler } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import type { BatchHandler, Envelope, MessageBus, SubscribeOptions } from '@subledger/messaging';
import { isObservable, lastValueFrom } from 'rxjs';
import { BusContext } from './bus-context';
import { BUS_TRANSPORT, type BusPattern } from './bus-handler.decorator';

interface Route {
  readonly pattern: BusPattern;
  readonly handler: MessageHandler;
}

/**
 * Nest's transport over the process's MessageBus, in-process or Kafka (docs/architecture.md, §3
 * "Handlers"). Nest registers every method declared with BusHandler (a `{ topic, group }` pattern);
 * `listen` subscribes each to the bus with the options it declared. The bus calls it with a whole
 * batch of one partition, in order, and sends the replies it returns once it resolved, as for any
 * subscriber: batches, partition order, replies after the commit and redelivery stay the bus's.
 * The bus belongs to MessageBusModule, which closes it; closing the transport does nothing.
 */
export class BusTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = BUS_TRANSPORT;
  private readonly routes = new Map<string, Route>();

  constructor(private readonly bus: MessageBus) {
    super();
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    const busPattern = busPatternOf(pattern);
    const id = JSON.stringify([busPattern.topic, busPattern.group]);
    if (this.routes.has(id))
      throw new Error(`Two bus handlers consume ${busPattern.topic} in group ${busPattern.group}`);
    super.addHandler(pattern, callback, isEventHandler, extras);
    this.routes.set(id, { pattern: busPattern, handler: callback });
  }

  /** Subscribes every handler, in the order Nest registered them; the first failure fails the start. */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const { pattern, handler } of this.routes.values()) {
        await this.bus.subscribe(
          pattern.topic,
          pattern.group,
          batchHandlerOf(pattern, handler),
          subscribeOptionsOf(handler.extras),
        );
      }
    } catch (error) {
      callback(error);
      return;
    }
    callback();
  }

  /** The bus is closed by MessageBusModule (the handlers stop with it). */
  close(): Promise<void> {
    return Promise.resolve();
  }

  on(): never {
    throw new Error('The bus transport has no events of its own');
  }

  unwrap<T>(): T {
    return this.bus as T;
  }
}

function batchHandlerOf(pattern: BusPattern, handler: MessageHandler): BatchHandler {
  const context = new BusContext([pattern.topic, pattern.group]);
  return async (batch: Envelope[]) => {
    const result: unknown = await handler(batch, context);
    // Nest hands a handler's error back as an Observable that fails (PassErrorsToBus keeps the error itself).
    const replies: unknown = isObservable(result) ? await lastValueFrom(result, { defaultValue: undefined }) : result;
    if (handler.isEventHandler) return new Array<undefined>(batch.length).fill(undefined);
    if (!Array.isArray(replies))
      throw new TypeError(`The handler of ${pattern.topic} (group ${pattern.group}) returned no array of replies`);
    return replies;
  };
}

function busPatternOf(pattern: unknown): BusPattern {
  const { topic, group } = (typeof pattern === 'object' && pattern !== null ? pattern : {}) as Partial<
    Record<keyof BusPattern, unknown>
  >;
  if (typeof topic !== 'string' || typeof group !== 'string')
    throw new Error(`A bus handler's pattern is { topic, group }, not ${JSON.stringify(pattern)}`);
  return { topic, group };
}

function subscribeOptionsOf(extras: Record<string, unknown> | undefined): SubscribeOptions {
  const onRepeatedFailure = extras?.onRepeatedFailure;
  return onRepeatedFailure === 'retry' || onRepeatedFailure === 'dead-letter' ? { onRepeatedFailure } : {};
}
