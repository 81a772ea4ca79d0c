import { type Consumer, Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { type Applied, BalanceTable, type LedgerEventValue } from './balance-table';

export interface ConsumerSettings {
  brokers: string[];
  /** `ledger.events`, with the deployment's topic prefix if it has one. */
  topic: string;
  /** The consumer group: its committed offsets are where a restart resumes. */
  groupId: string;
}

/**
 * Keeps a `BalanceTable` from `ledger.events`. Messages of one team share a key, hence a partition,
 * and arrive in their stream order; kafkajs hands each partition's messages over one at a time,
 * and the offset is committed after the message is applied, so a crash redelivers at most what was
 * applied but not yet committed, which the table skips by version.
 */
export class LedgerEventsConsumer {
  private readonly consumer: Consumer;
  readonly seen: Record<Applied, number> = { applied: 0, duplicate: 0 };

  constructor(
    private readonly settings: ConsumerSettings,
    readonly table: BalanceTable,
  ) {
    const kafka = new Kafka({ clientId: settings.groupId, brokers: settings.brokers, logLevel: logLevel.WARN });
    this.consumer = kafka.consumer({ groupId: settings.groupId });
  }

  static forPool(settings: ConsumerSettings, pool: Pool, table?: string): LedgerEventsConsumer {
    return new LedgerEventsConsumer(settings, new BalanceTable(pool, table));
  }

  async start(): Promise<void> {
    await this.table.create();
    await this.consumer.connect();
    // A new group reads the topic from its beginning (retention keeps every event, docs/events.md).
    await this.consumer.subscribe({ topic: this.settings.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value === null) return;
        const event = JSON.parse(message.value.toString()) as LedgerEventValue;
        this.seen[await this.table.apply(event)] += 1;
      },
    });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
