import { RequestTimeoutError } from '../../port/request-timeout.error';
import { MessageBusClosedError } from '../../port/message-bus-closed.error';
import type { PayloadCodec } from './topic-codecs';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
  /** Chosen when the request was made: what the reply's shape is depends on what was asked. */
  reply: PayloadCodec;
}

/** Requests waiting for their reply, by correlation id, each with its deadline. */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();
  private readonly drainWaiters = new Set<() => void>();

  wait<R>(correlationId: string, topic: string, timeoutMs: number, reply: PayloadCodec): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(correlationId, { error: new RequestTimeoutError(topic, timeoutMs) }),
        timeoutMs,
      );
      this.pending.set(correlationId, { resolve: resolve as (value: unknown) => void, reject, timer, reply });
    });
  }

  /** The codec of the reply a request waits for; undefined when none waits (late, or a duplicate). */
  replyCodecOf(correlationId: string): PayloadCodec | undefined {
    return this.pending.get(correlationId)?.reply;
  }

  /** Whether a request still waits for its reply (not answered, failed, nor past its deadline). */
  isWaiting(correlationId: string): boolean {
    return this.pending.has(correlationId);
  }

  /** Returns false for an id nobody waits for: a late reply after the deadline, or a duplicate. */
  settle(correlationId: string, outcome: { value: unknown } | { error: unknown }): boolean {
    const request = this.pending.get(correlationId);
    if (!request) return false;
    clearTimeout(request.timer);
    this.pending.delete(correlationId);
    if ('value' in outcome) request.resolve(outcome.value);
    else request.reject(outcome.error);
    if (this.pending.size === 0) for (const wake of [...this.drainWaiters]) wake();
    return true;
  }

  /** Resolves once no request waits any more (each is answered or reaches its own deadline), or after `timeoutMs`. */
  drained(timeoutMs: number): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.drainWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.drainWaiters.add(wake);
    });
  }

  failAll(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { error: new MessageBusClosedError() });
  }
}
