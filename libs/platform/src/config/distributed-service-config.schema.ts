import Joi from 'joi';
import { type CommonConfig, commonConfigSchema, portSchema } from './common-config.schema';
import { type KafkaConfig, kafkaConfigSchema } from './kafka-config.schema';
import { type PostgresConfig, postgresConfigSchema } from './postgres-config.schema';

/** What every service of distributed mode is configured with: its port, Kafka and its PostgreSQL schema. */
export interface DistributedServiceConfig extends CommonConfig, KafkaConfig, PostgresConfig {
  PORT: number;
  /** Events the outbox relay or a projection may trail the event store by while the service reports ready. */
  READY_MAX_LAG_EVENTS: number;
}

/** The keys of DistributedServiceConfig; the service's name is its default schema. */
export function distributedServiceConfigSchema(service: string, defaultPort: number) {
  return {
    ...commonConfigSchema,
    ...kafkaConfigSchema,
    ...postgresConfigSchema(service),
    PORT: portSchema(defaultPort),
    READY_MAX_LAG_EVENTS: Joi.number().integer().min(0).default(10_000),
  };
}
