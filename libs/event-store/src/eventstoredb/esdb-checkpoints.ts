import { BACKWARDS, END, type EventStoreDBClient, jsonEvent, StreamNotFoundError } from '@eventstore/db-client';

const CHECKPOINT_TYPE = 'SubscriptionCheckpointed';

/**
 * Subscription checkpoints kept in EventStoreDB itself: one stream per subscription, whose last
 * event holds the position. The stream keeps only its last event (`maxCount: 1`), so the
 * scavenger reclaims the rest. Readers of this store never see these streams.
 */
export class EsdbCheckpoints {
  constructor(
    private readonly client: EventStoreDBClient,
    readonly streamPrefix: string,
  ) {}

  async load(name: string): Promise<bigint | undefined> {
    try {
      for await (const resolved of this.client.readStream(this.streamOf(name), { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        const data = resolved.event?.data as { position?: unknown } | undefined;
        if (typeof data?.position === 'string') return BigInt(data.position);
      }
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  async save(name: string, position: bigint): Promise<void> {
    const stream = this.streamOf(name);
    const result = await this.client.appendToStream(stream, jsonEvent({ type: CHECKPOINT_TYPE, data: { position: position.toString() } }));
    if (result.nextExpectedRevision === 0n) await this.client.setStreamMetadata(stream, { maxCount: 1 });
  }

  private streamOf(name: string): string {
    return `${this.streamPrefix}${name}`;
  }
}
