import { Presets, SingleBar } from 'cli-progress';
import type { RebuildProgress } from '@subledger/platform/standalone';

/** The rebuild's progress on stderr (stdout keeps the report): events folded, events per second and the time left. */
export class FoldProgressBar {
  private readonly bar = new SingleBar(
    {
      format: ' {bar} {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      stream: process.stderr,
      // Without a terminal (kubectl exec without -t, a log file) a line every second instead of a bar.
      noTTYOutput: true,
      notTTYSchedule: 1_000,
    },
    Presets.shades_classic,
  );
  private started = 0;
  private running = false;

  update({ read, total }: RebuildProgress): void {
    if (!this.running) {
      this.running = true;
      this.started = Date.now();
      this.bar.start(Math.max(total, read), read, { rate: 0 });
      return;
    }
    if (read > this.bar.getTotal()) this.bar.setTotal(read);
    const seconds = (Date.now() - this.started) / 1000;
    this.bar.update(read, { rate: seconds > 0 ? Math.round(read / seconds) : 0 });
  }

  stop(): void {
    if (this.running) this.bar.stop();
    this.running = false;
  }
}
