import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { MessageBus } from '@subledger/messaging';

/** Where a message goes: the topic, and the key that picks its partition. */
export interface BusDestination {
  readonly topic: string;
  readonly key: string;
}

export interface BusClientOptions {
  /** How long `send` waits for the reply before failing with RequestTimeoutError. */
  readonly timeoutMs: number;
  /** Headers added to every message, read when it is sent (the request id of the request being served). */
  readonly headers?: () => Record<string, string> | undefined;
}

/**
 * Nest's client over the process's MessageBus (docs/architecture.md, §3 "Handlers"): `send(
 * { topic, key }, value)` is `bus.request` (an Observable of the one reply, failing with
 * RequestTimeoutError past the deadline), `emit({ topic, key }, value)` is `bus.handOver` (completes
 * once the message can no longer be lost). The bus is connected and closed by the platform, so
 * `connect` and `close` do nothing. The gateway does not send through it (docs/decisions.md,
 * "Kafka transport").
 */
export class BusClientProxy extends ClientProxy {
  constructor(
    private readonly bus: MessageBus,
    private readonly options: BusClientOptions,
  ) {
    super();
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  /** The bus is closed by MessageBusModule. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  protected publish({ pattern, data }: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const { topic, key } = destinationOf(pattern);
    this.bus.request(topic, key, data, { timeoutMs: this.options.timeoutMs, headers: this.options.headers?.() }).then(
      (response) => callback({ response, isDisposed: true }),
      (err: unknown) => callback({ err }),
    );
    // A request cannot be taken back: unsubscribing only drops its reply.
    return () => undefined;
  }

  protected async dispatchEvent<T = void>({ pattern, data }: ReadPacket): Promise<T> {
    const { topic, key } = destinationOf(pattern);
    await this.bus.handOver(topic, key, data, this.options.headers?.());
    return undefined as T;
  }
}

function destinationOf(pattern: unknown): BusDestination {
  const { topic, key } = (typeof pattern === 'object' && pattern !== null ? pattern : {}) as Partial<
    Record<keyof BusDestination, unknown>
  >;
  if (typeof topic !== 'string' || typeof key !== 'string')
    throw new Error(`A bus client's pattern is { topic, key }, not ${JSON.stringify(pattern)}`);
  return { topic, key };
}
