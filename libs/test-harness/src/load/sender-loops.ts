/**
 * A number of senders, each sending one request after another (and pausing between two, if asked)
 * until stopped. The loads of the crash and restart tests drive their sends with it.
 */
export class SenderLoops {
  private loops: Promise<void>[] = [];
  private running = false;

  constructor(
    private readonly sendOne: () => Promise<void>,
    private readonly pauseMs: number | null = null,
  ) {}

  start(senders: number): void {
    this.running = true;
    this.loops = Array.from({ length: senders }, () => this.loop());
  }

  /** Lets every sender finish the send it waits on, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    const pauseMs = this.pauseMs;
    while (this.running) {
      await this.sendOne();
      if (pauseMs !== null) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
