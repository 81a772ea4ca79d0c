import type { PartitionLog } from './partition-log';

interface Waiter {
  readonly offset: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * The hand-overs of the in-process bus still waiting for their message to be handled, per
 * partition in offset order (messages are appended in order, so each list stays sorted).
 */
export class HandOvers {
  private readonly waiting = new Map<PartitionLog, Waiter[]>();

  wait(log: PartitionLog, offset: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(log);
      if (list === undefined) this.waiting.set(log, [{ offset, resolve, reject }]);
      else list.push({ offset, resolve, reject });
    });
  }

  /** Resolves the waiters of every message of `log` below `handledBelow`. */
  settle(log: PartitionLog, handledBelow: number): void {
    const list = this.waiting.get(log);
    if (list === undefined || list[0].offset >= handledBelow) return;
    let settled = 0;
    while (settled < list.length && list[settled].offset < handledBelow) list[settled++].resolve();
    if (settled === list.length) this.waiting.delete(log);
    else list.splice(0, settled);
  }

  failAll(error: Error): void {
    for (const list of this.waiting.values()) for (const waiter of list) waiter.reject(error);
    this.waiting.clear();
  }
}
