import { RequestTimeoutError } from '../../port/request-timeout.error';
import { MessageBusClosedError } from '../../port/message-bus-closed.error';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/** Requests waiting for their reply, by correlation id, each with its deadline. */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();

  wait<R>(correlationId: string, topic: string, timeoutMs: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new RequestTimeoutError(topic, timeoutMs));
      }, timeoutMs);
      this.pending.set(correlationId, { resolve: resolve as (value: unknown) => void, reject, timer });
    });
  }

  /** Returns false for an id nobody waits for: a late reply after the deadline, or a duplicate. */
  settle(correlationId: string, outcome: { value: unknown } | { error: unknown }): boolean {
    const request = this.pending.get(correlationId);
    if (!request) return false;
    clearTimeout(request.timer);
    this.pending.delete(correlationId);
    if ('value' in outcome) request.resolve(outcome.value);
    else request.reject(outcome.error);
    return true;
  }

  failAll(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { error: new MessageBusClosedError() });
  }
}
