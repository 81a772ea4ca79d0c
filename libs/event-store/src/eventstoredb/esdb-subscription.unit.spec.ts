import { type AllStreamResolvedEvent, type EventStoreDBClient, START } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';
import type { EsdbCheckpoints } from './esdb-checkpoints';
import { startEsdbSubscription } from './esdb-subscription';

const PREFIX = 'subledger-checkpoint-';

function resolved(position: bigint, streamId = 'team-1', type = 'Fine'): AllStreamResolvedEvent {
  return {
    event: {
      streamId,
      id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      isJson: true,
      revision: position,
      type,
      created: new Date(0),
      data: {},
      metadata: {},
      position: { commit: position, prepare: position },
    },
  } as unknown as AllStreamResolvedEvent;
}

// A pushed feed: events queued by the test, ended by unsubscribe as the client does.
class FakeFeed {
  private queue: AllStreamResolvedEvent[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  push(...events: AllStreamResolvedEvent[]): void {
    this.queue.push(...events);
    this.wake?.();
  }

  async unsubscribe(): Promise<void> {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AllStreamResolvedEvent> {
    while (!this.closed) {
      const next = this.queue.shift();
      if (next) yield next;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

function harness(stored?: bigint) {
  const feed = new FakeFeed();
  const saved: bigint[] = [];
  const requests: unknown[] = [];
  const client = {
    subscribeToAll: (options: unknown) => {
      requests.push(options);
      return feed;
    },
  } as unknown as EventStoreDBClient;
  const checkpoints = {
    streamPrefix: PREFIX,
    load: async () => stored,
    save: async (_name: string, position: bigint) => void saved.push(position),
  } as unknown as EsdbCheckpoints;
  return { feed, saved, requests, client, checkpoints };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('EventStoreDB subscription', () => {
  it('starts at the checkpoint, else after afterPosition, else at the start of $all', async () => {
    const withCheckpoint = harness(70n);
    await (await startEsdbSubscription(withCheckpoint.client, withCheckpoint.checkpoints, 'a', () => undefined, { afterPosition: 5n })).stop();
    const withAfter = harness();
    await (await startEsdbSubscription(withAfter.client, withAfter.checkpoints, 'b', () => undefined, { afterPosition: 5n })).stop();
    const fresh = harness();
    await (await startEsdbSubscription(fresh.client, fresh.checkpoints, 'c', () => undefined)).stop();

    expect(withCheckpoint.requests[0]).toMatchObject({ fromPosition: { commit: 70n, prepare: 70n } });
    expect(withAfter.requests[0]).toMatchObject({ fromPosition: { commit: 5n, prepare: 5n } });
    expect(fresh.requests[0]).toMatchObject({ fromPosition: START });
  });

  it('delivers our events in order, checkpoints every batchSize handled events and on stop', async () => {
    const { feed, saved, client, checkpoints } = harness();
    const seen: RecordedEvent[] = [];
    const subscription = await startEsdbSubscription(client, checkpoints, 'p', (e) => void seen.push(e), { batchSize: 2 });
    feed.push(resolved(10n), resolved(20n, `${PREFIX}p`, 'SubscriptionCheckpointed'), resolved(30n), resolved(40n));
    await until(() => seen.length === 3);
    await subscription.stop();

    expect(seen.map((e) => e.globalPosition)).toEqual([10n, 30n, 40n]);
    expect(saved).toEqual([30n, 40n]);
    await expect(subscription.ended).resolves.toEqual({ type: 'stopped' });
  });

  it('does not write checkpoints for checkpoint events alone until it stops', async () => {
    const { feed, saved, client, checkpoints } = harness();
    const subscription = await startEsdbSubscription(client, checkpoints, 'q', () => undefined, { batchSize: 1 });
    feed.push(resolved(10n, `${PREFIX}q`, 'SubscriptionCheckpointed'), resolved(20n, '$stats', '$statsCollected'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(saved).toEqual([]);
    await subscription.stop();
    expect(saved).toEqual([20n]);
  });

  it('ends as failed on a handler error with the checkpoint before the failing event', async () => {
    const { feed, saved, client, checkpoints } = harness();
    const error = new Error('poison');
    const subscription = await startEsdbSubscription(client, checkpoints, 'r', (e) => {
      if (e.type === 'Poison') throw error;
    });
    feed.push(resolved(10n), resolved(20n, 'team-1', 'Poison'), resolved(30n));
    await expect(subscription.ended).resolves.toEqual({ type: 'failed', error });
    expect(saved).toEqual([10n]);
  });
});
