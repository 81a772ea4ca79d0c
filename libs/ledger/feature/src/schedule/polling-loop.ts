/**
 * Runs `pass` again and again until stopped, waiting between passes as long as the pass asks
 * (0: at once). A pass must not throw: it handles its own failures and answers how long to back
 * off. Stopping wakes a waiting loop and resolves once the pass in progress has ended.
 */
export class PollingLoop {
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(private readonly pass: () => Promise<number>) {}

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const delayMs = await this.pass();
      if (delayMs > 0 && !this.stopping) await this.pause(delayMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
