import { type AllStreamSubscription, type EventStoreDBClient, excludeSystemEvents, START } from '@eventstore/db-client';
import type { SubscribeOptions, Subscription, SubscriptionEnd, SubscriptionHandler } from '../subscription.port';
import { DEFAULT_BATCH_SIZE } from '../subscriptions/polling-subscription';
import type { EsdbCheckpoints } from './esdb-checkpoints';
import { fromEsdbResolvedEvent, toEsdbPosition } from './esdb-mapping';

/** A catch-up subscription to `$all` that resumes after its checkpoint stream's position. */
export async function startEsdbSubscription(
  client: EventStoreDBClient,
  checkpoints: EsdbCheckpoints,
  name: string,
  handler: SubscriptionHandler,
  options: SubscribeOptions = {},
): Promise<Subscription> {
  const after = (await checkpoints.load(name)) ?? options.afterPosition;
  const feed = client.subscribeToAll({
    fromPosition: after === undefined ? START : toEsdbPosition(after),
    filter: excludeSystemEvents(),
  });
  return new EsdbSubscription(name, feed, checkpoints, handler, after, options.batchSize ?? DEFAULT_BATCH_SIZE);
}

// Handles events one at a time as the server pushes them and stores the checkpoint every
// `batchSize` events and when the subscription ends, so a restart redelivers at most one batch.
class EsdbSubscription implements Subscription {
  readonly ended: Promise<SubscriptionEnd>;
  private stopping = false;
  private checkpointed: bigint | undefined;
  private sinceCheckpoint = 0;

  constructor(
    readonly name: string,
    private readonly feed: AllStreamSubscription,
    private readonly checkpoints: EsdbCheckpoints,
    private readonly handler: SubscriptionHandler,
    private position: bigint | undefined,
    private readonly batchSize: number,
  ) {
    this.checkpointed = position;
    this.ended = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.feed.unsubscribe();
    await this.ended;
  }

  private async run(): Promise<SubscriptionEnd> {
    let end: SubscriptionEnd = { type: 'stopped' };
    try {
      for await (const resolved of this.feed) {
        if (this.stopping) break;
        const event = fromEsdbResolvedEvent(resolved, this.checkpoints.streamPrefix);
        if (!event) {
          this.position = resolved.event?.position?.commit ?? resolved.commitPosition ?? this.position;
          continue;
        }
        await this.handler(event);
        this.position = event.globalPosition;
        // Only handled events count: checkpoint writes show up in $all too and must not trigger more.
        this.sinceCheckpoint += 1;
        if (this.sinceCheckpoint >= this.batchSize) await this.saveCheckpoint();
      }
      if (!this.stopping) end = { type: 'failed', error: new Error('EventStoreDB ended the subscription') };
    } catch (error) {
      // Unsubscribing cancels the feed, which may surface as an error: that is a stop, not a failure.
      if (!this.stopping) end = { type: 'failed', error };
      await this.feed.unsubscribe().catch(() => undefined);
    }
    try {
      await this.saveCheckpoint();
    } catch (error) {
      if (end.type === 'stopped') end = { type: 'failed', error };
    }
    return end;
  }

  private async saveCheckpoint(): Promise<void> {
    if (this.position === undefined || this.position === this.checkpointed) return;
    await this.checkpoints.save(this.name, this.position);
    this.checkpointed = this.position;
    this.sinceCheckpoint = 0;
  }
}
