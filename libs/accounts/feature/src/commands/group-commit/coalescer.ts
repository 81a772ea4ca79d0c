interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit across the partitions' consumers: one piece of work runs at a time, and the inputs
 * that arrive meanwhile run together next, so concurrent groups share one statement or one
 * transaction instead of queueing for the database one by one. The first input runs at once.
 * When work on several inputs fails, each is run again alone, so that one bad input fails only
 * its own caller (whose batch is then delivered again), never its neighbours'.
 */
export class Coalescer<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private running = false;

  constructor(private readonly work: (inputs: readonly I[]) => Promise<O[]>) {}

  run(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const taken = this.waiting;
      this.waiting = [];
      await this.settle(taken);
    }
    this.running = false;
  }

  private async settle(taken: readonly Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.work(taken.map((entry) => entry.input));
      taken.forEach((entry, i) => entry.resolve(outputs[i]));
    } catch (error) {
      if (taken.length === 1) return taken[0].reject(error);
      for (const entry of taken) await this.settle([entry]);
    }
  }
}
