/** Delays between attempts: `initialMs`, doubling each time, never above `maxMs`. */
export class Backoff {
  private next: number;

  constructor(
    private readonly initialMs = 250,
    private readonly maxMs = 5_000,
  ) {
    this.next = initialMs;
  }

  /** The delay before the next attempt; each call doubles the one after it, up to the cap. */
  delay(): number {
    const current = this.next;
    this.next = Math.min(this.next * 2, this.maxMs);
    return current;
  }

  reset(): void {
    this.next = this.initialMs;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks `signal.aborted`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
