import { randomBytes } from 'node:crypto';
import type { BrokerSasl } from './broker-config';

const mechanisms = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/**
 * SUBLEDGER_TEST_KAFKA_SASL=plain|scram-sha-256|scram-sha-512 makes the run's broker accept only
 * SASL clients, with a fresh user (docs/deployment.md, "Kafka security"); unset, it is PLAINTEXT.
 */
export function runBrokerSasl(value: string | undefined): BrokerSasl | undefined {
  if (value === undefined || value === '') return undefined;
  const mechanism = mechanisms.find((known) => known === value.toLowerCase());
  if (!mechanism) throw new Error(`SUBLEDGER_TEST_KAFKA_SASL must be one of ${mechanisms.join(', ')}, not ${value}`);
  return { mechanism, username: 'subledger-test', password: randomBytes(12).toString('hex') };
}

/** The services' settings for that user: set in the environment every test worker and service process inherits. */
export function saslEnvironment(sasl: BrokerSasl): Record<string, string> {
  return {
    KAFKA_SASL_MECHANISM: sasl.mechanism,
    KAFKA_SASL_USERNAME: sasl.username,
    KAFKA_SASL_PASSWORD: sasl.password,
  };
}
