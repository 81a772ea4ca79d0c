import { startKafkaBroker } from './kafka/kafka-broker';
import { runBrokerSasl, saslEnvironment } from './kafka/run-broker-sasl';
import { createTestDatabase } from './postgres/test-database';
import { harnessState } from './harness-state';
import { buildServices } from './process/compiled-services';

// Starts what every integration test may need, once per run: the compiled services, a fresh
// PostgreSQL database and a real Kafka broker. Their addresses reach the test workers through the
// environment. `npm test` builds once before its two Jest runs and says so with
// SUBLEDGER_TEST_BUILT=1, so that neither builds again (and no build rewrites dist/ under services
// another run started from it).
export default async function globalSetup(): Promise<void> {
  if (process.env.SUBLEDGER_TEST_BUILT !== '1') await buildServices();
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  harnessState.database = database;

  const sasl = runBrokerSasl(process.env.SUBLEDGER_TEST_KAFKA_SASL);
  if (sasl && process.env.KAFKA_BROKERS) {
    throw new Error(
      'SUBLEDGER_TEST_KAFKA_SASL starts a broker of its own: unset KAFKA_BROKERS (an external broker takes KAFKA_SASL_* as the services do)',
    );
  }
  const broker = await startKafkaBroker({ sasl });
  process.env.KAFKA_BROKERS = broker.brokers.join(',');
  if (sasl) Object.assign(process.env, saslEnvironment(sasl));
  harnessState.broker = broker;
}
