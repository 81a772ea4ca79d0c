import { startKafkaBroker } from './kafka/kafka-broker';
import { createTestDatabase } from './postgres/test-database';
import { harnessState } from './harness-state';

// Starts what every integration test may need, once per run: a fresh PostgreSQL database and a
// real Kafka broker. Their addresses reach the test workers through the environment.
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  harnessState.database = database;

  const broker = await startKafkaBroker();
  process.env.KAFKA_BROKERS = broker.brokers.join(',');
  harnessState.broker = broker;
}
