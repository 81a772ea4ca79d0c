interface Step {
  name: string;
  run: () => Promise<void>;
}

/** Everything the benchmark started, undone in reverse order: after a mode, on failure, or on Ctrl-C. */
export class Cleanup {
  private readonly steps: Step[] = [];
  private draining: Promise<void> = Promise.resolve();
  /** The signal that interrupted the run, if one did. */
  interrupted: NodeJS.Signals | null = null;

  /** Registers an undo step; the returned function runs it now (once) and forgets it. */
  add(name: string, run: () => Promise<void>): () => Promise<void> {
    const step = { name, run };
    this.steps.push(step);
    return async () => {
      const index = this.steps.indexOf(step);
      if (index < 0) return;
      this.steps.splice(index, 1);
      await step.run();
    };
  }

  /** Undoes every step; a second caller (the run failing while a signal cleans up) waits for the first. */
  runAll(): Promise<void> {
    this.draining = this.draining.then(() => this.drain());
    return this.draining;
  }

  private async drain(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        process.stderr.write(
          `cleanup of ${step.name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
  }

  /** On SIGINT or SIGTERM: undo everything, then exit. The services in our process group get the signal too. */
  runOnSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.interrupted = signal;
        process.stderr.write(`\n${signal}: stopping everything the benchmark started\n`);
        void this.runAll().finally(() => process.exit(130));
      });
    }
  }
}

/**
 * Runs a benchmark's `main` and exits with its code; on failure, undoes what it started first. After
 * Ctrl-C the run fails on its closed connections: that is the interruption (exit 130), not an error.
 */
export function runBenchMain(name: string, main: () => Promise<number>, cleanup: Cleanup): void {
  main().then(
    (code) => process.exit(code),
    async (error: unknown) => {
      await cleanup.runAll();
      if (cleanup.interrupted) process.exit(130);
      process.stderr.write(
        `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
