import type { RecordedEvent } from '../event-store.port';
import type { SubscriptionHandler } from '../subscription.port';

/** Records what a subscription delivers from the streams a test owns, ignoring everyone else's. */
export class EventCollector {
  readonly events: RecordedEvent[] = [];

  constructor(
    private readonly owns: (event: RecordedEvent) => boolean,
    private readonly poisonType?: string,
  ) {}

  readonly handler: SubscriptionHandler = (event) => {
    if (!this.owns(event)) return;
    if (event.type === this.poisonType) throw new Error(`Refusing ${event.type} at ${event.globalPosition}`);
    this.events.push(event);
  };

  async waitFor(count: number, timeoutMs = 15_000): Promise<RecordedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`Expected ${count} events within ${timeoutMs} ms, got ${this.events.length}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.events.slice(0, count);
  }
}

export function ownedBy(...streamIds: string[]): (event: RecordedEvent) => boolean {
  const owned = new Set(streamIds);
  return (event) => owned.has(event.streamId);
}
