import Joi from 'joi';
import { type KafkaConfig, kafkaConfigSchema } from './kafka-config.schema';
import { validateEnvironment } from './validate-environment';

const schema = Joi.object(kafkaConfigSchema);
const env = (extra: Record<string, string> = {}) => ({ KAFKA_BROKERS: '127.0.0.1:9092', ...extra });

describe('Kafka group timings', () => {
  it('default to a 6 s session, a 1 s heartbeat and a 10 s rebalance', () => {
    const config = validateEnvironment<KafkaConfig>(schema, env());
    expect([
      config.KAFKA_SESSION_TIMEOUT_MS,
      config.KAFKA_HEARTBEAT_INTERVAL_MS,
      config.KAFKA_REBALANCE_TIMEOUT_MS,
    ]).toEqual([6000, 1000, 10000]);
  });

  it('take a heartbeat below the session timeout given', () => {
    const config = validateEnvironment<KafkaConfig>(
      schema,
      env({ KAFKA_SESSION_TIMEOUT_MS: '10000', KAFKA_HEARTBEAT_INTERVAL_MS: '3000' }),
    );
    expect([config.KAFKA_SESSION_TIMEOUT_MS, config.KAFKA_HEARTBEAT_INTERVAL_MS]).toEqual([10000, 3000]);
  });

  it('refuse a heartbeat not below the session timeout, and a session below the broker minimum, naming them', () => {
    expect(() => validateEnvironment(schema, env({ KAFKA_HEARTBEAT_INTERVAL_MS: '6000' }))).toThrow(
      /KAFKA_HEARTBEAT_INTERVAL_MS/,
    );
    expect(() =>
      validateEnvironment(schema, env({ KAFKA_SESSION_TIMEOUT_MS: '5000', KAFKA_HEARTBEAT_INTERVAL_MS: '1000' })),
    ).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
  });
});
