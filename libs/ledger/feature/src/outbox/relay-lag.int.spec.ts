import type { SqlEventStore } from '@subledger/event-store';
import { InProcessBus } from '@subledger/messaging';
import { Client } from 'pg';
import { relayBatch } from './relay-batch';
import { relayStatements } from './relay-statements.sql';
import { dropSchema, freshStore, startRelay, TeamHistories, uniqueName, waitFor } from './testing/relay-test-kit';
import { relayLag, relayLagAfter } from './relay-lag';

const NAME = 'ledger-events-relay';
const TOPIC = 'ledger.events';

const gaugeValue = async (): Promise<number | undefined> => (await relayLag().get()).values[0]?.value;

/** docs/deployment.md, "Metrics": subledger_outbox_relay_lag_events. */
describe('the outbox relay lag on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let store: SqlEventStore;
  let bus: InProcessBus;

  beforeEach(async () => {
    const schema = uniqueName('relay_lag');
    store = await freshStore(schema);
    bus = new InProcessBus();
    cleanups.push(async () => {
      bus.close();
      await store.close();
      await dropSchema(schema);
    });
    await new TeamHistories(store, ['team_a', 'team_b', 'team_c']).append(5); // 15 events
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Another replica's relay, holding the lock until released. */
  async function lockHeldElsewhere(): Promise<() => Promise<void>> {
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(relayStatements(store.quotedSchema).tryLock, [store.schema, NAME]);
    const release = async () => {
      await holder.query('COMMIT');
      await holder.end();
    };
    cleanups.push(() => release().catch(() => undefined));
    return release;
  }

  it('counts down by each batch published, to 0 once the backlog is gone, and a replica standing by sees the same', async () => {
    const settings = { topic: TOPIC, name: NAME, batchSize: 4 };
    const lags: number[] = [];
    for (;;) {
      const batch = await relayBatch(store, bus, settings);
      lags.push(await relayLagAfter(store, NAME, batch, settings.batchSize));
      if (batch.type !== 'relayed' || batch.read < settings.batchSize) break;
    }
    expect(lags).toEqual([11, 7, 3, 0]);

    await new TeamHistories(store, ['team_d', 'team_e']).append(3); // 6 more
    const release = await lockHeldElsewhere();
    const standby = await relayBatch(store, bus, settings);
    expect(standby.type).toBe('standby');
    expect(await relayLagAfter(store, NAME, standby, settings.batchSize)).toBe(6);
    await release();
  });

  it("is the running relay's gauge: the whole backlog while another replica holds the lock, 0 once this one has published it", async () => {
    const release = await lockHeldElsewhere();
    const running = await startRelay(store, bus, {
      topic: TOPIC,
      pollIntervalMs: 20,
      standbyIntervalMs: 20,
      batchSize: 5,
    });
    cleanups.push(() => running.close());
    await waitFor(async () => (await gaugeValue()) === 15, 'the gauge to show the 15 events not published');

    await release();
    await waitFor(async () => (await gaugeValue()) === 0, 'the gauge to fall to 0');
  });
});
