import { startKafkaBroker } from './kafka/kafka-broker';
import { createTestDatabase } from './postgres/test-database';
import { harnessState } from './harness-state';
import { buildServices } from './process/compiled-services';

// Starts what every integration test may need, once per run: the compiled services, a fresh
// PostgreSQL database and a real Kafka broker. Their addresses reach the test workers through the
// environment.
export default async function globalSetup(): Promise<void> {
  await buildServices();
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  harnessState.database = database;

  const broker = await startKafkaBroker();
  process.env.KAFKA_BROKERS = broker.brokers.join(',');
  harnessState.broker = broker;
}
