import { type CommonConfig, commonConfigSchema, portSchema } from './common-config.schema';
import { type KafkaConfig, kafkaConfigSchema } from './kafka-config.schema';
import { type PostgresConfig, postgresConfigSchema } from './postgres-config.schema';

/** What every service of distributed mode is configured with: its port, Kafka and its PostgreSQL schema. */
export interface DistributedServiceConfig extends CommonConfig, KafkaConfig, PostgresConfig {
  PORT: number;
}

/** The keys of DistributedServiceConfig; the service's name is its default schema. */
export function distributedServiceConfigSchema(service: string, defaultPort: number) {
  return { ...commonConfigSchema, ...kafkaConfigSchema, ...postgresConfigSchema(service), PORT: portSchema(defaultPort) };
}
