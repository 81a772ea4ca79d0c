import type { RecordedEvent } from '../event-store.port';
import type { SubscribeOptions, Subscription, SubscriptionEnd, SubscriptionHandler } from '../subscription.port';

/** What a polling subscription needs from its backend. Positions are global positions. */
export interface PollingSource {
  loadCheckpoint(name: string): Promise<bigint | undefined>;
  saveCheckpoint(name: string, position: bigint): Promise<void>;
  /** Up to `maxCount` events after `position` (exclusive; undefined = from the start), in global order. */
  readAfter(position: bigint | undefined, maxCount: number): Promise<RecordedEvent[]>;
}

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_POLL_INTERVAL_MS = 100;

export async function startPollingSubscription(
  name: string,
  source: PollingSource,
  handler: SubscriptionHandler,
  options: SubscribeOptions = {},
): Promise<Subscription> {
  const checkpoint = await source.loadCheckpoint(name);
  return new PollingSubscription(name, source, handler, checkpoint ?? options.afterPosition, {
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
  });
}

// Reads a batch after the checkpoint, hands its events to the handler one by one, then stores the
// position of the last one handled: at-least-once delivery, in global order.
class PollingSubscription implements Subscription {
  readonly ended: Promise<SubscriptionEnd>;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly name: string,
    private readonly source: PollingSource,
    private readonly handler: SubscriptionHandler,
    private position: bigint | undefined,
    private readonly settings: { batchSize: number; pollIntervalMs: number },
  ) {
    this.ended = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.ended;
  }

  private async run(): Promise<SubscriptionEnd> {
    try {
      while (!this.stopping) {
        const events = await this.source.readAfter(this.position, this.settings.batchSize);
        if (events.length === 0) await this.pause();
        else await this.deliver(events);
      }
      return { type: 'stopped' };
    } catch (error) {
      return { type: 'failed', error };
    }
  }

  private async deliver(events: RecordedEvent[]): Promise<void> {
    const before = this.position;
    try {
      for (const event of events) {
        if (this.stopping) break;
        await this.handler(event);
        this.position = event.globalPosition;
      }
    } finally {
      if (this.position !== undefined && this.position !== before) {
        await this.source.saveCheckpoint(this.name, this.position);
      }
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.settings.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
