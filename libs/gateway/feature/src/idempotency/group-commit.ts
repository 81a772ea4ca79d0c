interface Queued<I, O> {
  readonly item: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for concurrent callers of one writer: an item submitted while a write is in flight
 * waits and goes with the others in the next one, so under load one statement carries many
 * requests, and an idle writer still writes at once. `write` answers one output per item, in
 * order; if it throws, every item of its group fails with that error.
 */
export class GroupCommit<I, O> {
  private queue: Queued<I, O>[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: readonly I[]) => Promise<O[]>,
    private readonly maxGroup = 500,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Deferred to the end of the current job, so that submits made together go together.
      if (!this.writing) {
        this.writing = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.slice(0, this.maxGroup);
      this.queue = this.queue.slice(group.length);
      try {
        const outputs = await this.write(group.map((queued) => queued.item));
        group.forEach((queued, i) => queued.resolve(outputs[i]));
      } catch (error) {
        group.forEach((queued) => queued.reject(error));
      }
    }
    this.writing = false;
  }
}
