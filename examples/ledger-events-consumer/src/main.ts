import { Pool } from 'pg';
import { LedgerEventsConsumer } from './ledger-events-consumer';

// KAFKA_BROKERS=localhost:29092 DATABASE_URL=postgres://postgres@localhost:5432/consumer \
//   npx ts-node examples/ledger-events-consumer/src/main.ts
const pool = new Pool({ connectionString: process.env['DATABASE_URL'] });
const consumer = LedgerEventsConsumer.forPool(
  {
    brokers: (process.env['KAFKA_BROKERS'] ?? 'localhost:29092').split(','),
    topic: process.env['LEDGER_EVENTS_TOPIC'] ?? 'ledger.events',
    groupId: process.env['GROUP_ID'] ?? 'ledger-events-consumer-example',
  },
  pool,
);

async function stop(): Promise<void> {
  await consumer.stop();
  await pool.end();
}

process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
consumer.start().then(
  () => console.log('Consuming ledger.events; balances in the team_balances table'),
  async (error: unknown) => {
    console.error(error);
    await stop();
    process.exitCode = 1;
  },
);
