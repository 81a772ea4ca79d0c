import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { type ContractFixture, sampleEvent, sampleEvents, uniqueStreamId } from './contract-subject';
import { EventCollector, ownedBy } from './event-collector';

const FAST = { pollIntervalMs: 20 };

export function describeSubscriptionContract(fixture: ContractFixture): void {
  describe('subscriptions', () => {
    it('deliver past and new events of every stream in global order', async () => {
      const { store } = fixture.subject;
      const [a, b] = [uniqueStreamId('sub-a'), uniqueStreamId('sub-b')];
      const start = await marker(store);
      await store.append(a, sampleEvents(2), { expectedVersion: 'no_stream' });
      const collector = new EventCollector(ownedBy(a, b));
      const subscription = await store.subscribe(`order-${randomUUID()}`, collector.handler, { ...FAST, afterPosition: start });

      await store.append(b, sampleEvents(1), { expectedVersion: 'no_stream' });
      await store.append(a, sampleEvents(1), { expectedVersion: 1n });
      const delivered = await collector.waitFor(4);
      await subscription.stop();

      const logged = (await store.readAll({ fromPosition: start })).filter(ownedBy(a, b));
      expect(delivered.map((e) => e.id)).toEqual(logged.map((e) => e.id));
      expect(delivered.map((e) => e.streamId)).toEqual([a, a, b, a]);
      await expect(subscription.ended).resolves.toEqual({ type: 'stopped' });
    });

    it('resume after the checkpoint of the last handled event when restarted under the same name', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('sub-resume');
      const name = `resume-${randomUUID()}`;
      const start = await marker(store);
      const options = { ...FAST, batchSize: 2, afterPosition: start };

      const first = new EventCollector(ownedBy(streamId));
      const running = await store.subscribe(name, first.handler, options);
      await store.append(streamId, sampleEvents(3), { expectedVersion: 'no_stream' });
      await first.waitFor(3);
      await running.stop();

      const later = await store.append(streamId, [sampleEvent('Later'), sampleEvent('Later')], { expectedVersion: 2n });
      const second = new EventCollector(ownedBy(streamId));
      const resumed = await store.subscribe(name, second.handler, options);
      const redelivered = await second.waitFor(2);
      await resumed.stop();

      expect(redelivered.map((e) => [e.type, e.streamVersion])).toEqual([
        ['Later', 3n],
        ['Later', 4n],
      ]);
      expect(redelivered[1].globalPosition).toBe(later.lastGlobalPosition);
    });

    it('end as failed when the handler throws, keeping the checkpoint of the last handled event', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('sub-poison');
      const name = `poison-${randomUUID()}`;
      const start = await marker(store);
      await store.append(streamId, [sampleEvent('Fine'), sampleEvent('Poison'), sampleEvent('Fine')], {
        expectedVersion: 'no_stream',
      });

      const refusing = new EventCollector(ownedBy(streamId), 'Poison');
      const failing = await store.subscribe(name, refusing.handler, { ...FAST, afterPosition: start });
      const end = await failing.ended;
      expect(end.type).toBe('failed');
      expect(refusing.events.map((e) => e.type)).toEqual(['Fine']);

      const accepting = new EventCollector(ownedBy(streamId));
      const retried = await store.subscribe(name, accepting.handler, FAST);
      const delivered = await accepting.waitFor(2);
      await retried.stop();
      expect(delivered.map((e) => [e.type, e.streamVersion])).toEqual([
        ['Poison', 1n],
        ['Fine', 2n],
      ]);
    });
  });
}

/** Appends one event to a stream of its own and returns its global position: "now" in the log. */
async function marker(store: EventStore): Promise<bigint> {
  const result = await store.append(uniqueStreamId('marker'), [sampleEvent('Marker')], { expectedVersion: 'no_stream' });
  return result.lastGlobalPosition;
}
