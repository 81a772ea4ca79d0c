interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for the concurrent callers of one writer: one write runs at a time, and the inputs
 * submitted meanwhile go together in the next one, so under load one statement or transaction
 * serves many callers, while an idle writer still writes at once (inputs submitted in the same
 * turn of the event loop start together). `write` answers one output per input, in order. When a
 * write of several inputs fails, each is written again alone, so that one bad input fails only its
 * own caller, never its neighbours.
 */
export class GroupCommit<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private writing = false;

  constructor(
    private readonly write: (inputs: readonly I[]) => Promise<O[]>,
    private readonly maxGroup = Number.POSITIVE_INFINITY,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.length <= this.maxGroup ? this.waiting : this.waiting.slice(0, this.maxGroup);
      this.waiting = this.waiting.slice(group.length);
      await this.settle(group);
    }
    this.writing = false;
  }

  private async settle(group: readonly Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.write(group.map((entry) => entry.input));
      group.forEach((entry, i) => entry.resolve(outputs[i]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      for (const entry of group) await this.settle([entry]);
    }
  }
}
