import { Admin } from 'kafkajs';
import { consumerGroupLags, PartitionLag } from './consumer-lag';

/**
 * Measures consumer groups' lag through one admin client, connected on first use and kept until
 * closed, so that a metric refreshed every few seconds does not open a connection each time.
 */
export class ConsumerLagProbe {
  private connected: Promise<void> | undefined;

  constructor(private readonly admin: Admin) {}

  async lags(groupIds: readonly string[]): Promise<PartitionLag[]> {
    if (groupIds.length === 0) return [];
    this.connected ??= this.admin.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    return consumerGroupLags(this.admin, groupIds);
  }

  async close(): Promise<void> {
    if (this.connected === undefined) return;
    this.connected = undefined;
    await this.admin.disconnect();
  }
}
