import type { RecordedEvent } from '../event-store.port';
import { type PollingSource, startPollingSubscription } from './polling-subscription';

function event(position: number): RecordedEvent {
  return {
    id: `id-${position}`,
    streamId: 's',
    type: position === 4 ? 'Poison' : 'Fine',
    data: {},
    metadata: {},
    streamVersion: BigInt(position - 1),
    globalPosition: BigInt(position * 10),
    recordedAt: new Date(0),
  };
}

class InMemorySource implements PollingSource {
  readonly log: RecordedEvent[] = [];
  readonly checkpoints = new Map<string, bigint>();

  async loadCheckpoint(name: string) {
    return this.checkpoints.get(name);
  }
  async saveCheckpoint(name: string, position: bigint) {
    this.checkpoints.set(name, position);
  }
  async readAfter(position: bigint | undefined, maxCount: number) {
    return this.log.filter((e) => position === undefined || e.globalPosition > position).slice(0, maxCount);
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('polling subscription', () => {
  it('delivers in order across batches, checkpoints the last handled event and resumes after it', async () => {
    const source = new InMemorySource();
    source.log.push(event(1), event(2), event(3));
    const seen: bigint[] = [];
    const first = await startPollingSubscription('p', source, (e) => void seen.push(e.globalPosition), { batchSize: 2, pollIntervalMs: 1 });
    await until(() => seen.length === 3);
    await first.stop();
    expect(seen).toEqual([10n, 20n, 30n]);
    expect(source.checkpoints.get('p')).toBe(30n);
    await expect(first.ended).resolves.toEqual({ type: 'stopped' });

    source.log.push(event(5));
    const resumed: bigint[] = [];
    const second = await startPollingSubscription('p', source, (e) => void resumed.push(e.globalPosition), { afterPosition: 0n, pollIntervalMs: 1 });
    await until(() => resumed.length === 1);
    await second.stop();
    expect(resumed).toEqual([50n]);
  });

  it('starts after afterPosition when there is no checkpoint', async () => {
    const source = new InMemorySource();
    source.log.push(event(1), event(2));
    const seen: bigint[] = [];
    const subscription = await startPollingSubscription('q', source, (e) => void seen.push(e.globalPosition), { afterPosition: 10n, pollIntervalMs: 1 });
    await until(() => seen.length === 1);
    await subscription.stop();
    expect(seen).toEqual([20n]);
  });

  it('ends as failed on a handler error and keeps the checkpoint before the failing event', async () => {
    const source = new InMemorySource();
    source.log.push(event(3), event(4), event(5));
    const error = new Error('poison');
    const subscription = await startPollingSubscription('r', source, (e) => {
      if (e.type === 'Poison') throw error;
    });
    await expect(subscription.ended).resolves.toEqual({ type: 'failed', error });
    expect(source.checkpoints.get('r')).toBe(30n);
  });

  it('stops while waiting for new events without storing a checkpoint it does not have', async () => {
    const source = new InMemorySource();
    const subscription = await startPollingSubscription('idle', source, () => undefined, { pollIntervalMs: 60_000 });
    await subscription.stop();
    await expect(subscription.ended).resolves.toEqual({ type: 'stopped' });
    expect(source.checkpoints.has('idle')).toBe(false);
  });
});
