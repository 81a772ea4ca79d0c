import Joi from 'joi';
import { kafkaBrokersSchema } from './infrastructure-config.schema';
import { type KafkaSecurityConfig, kafkaSecurityConfigSchema } from './kafka-security-config';

/** Kafka settings every service of distributed mode shares. */
export interface KafkaConfig extends KafkaSecurityConfig {
  KAFKA_BROKERS: string;
  KAFKA_CLIENT_ID?: string;
  KAFKA_TOPIC_PREFIX: string;
  KAFKA_TOPIC_PARTITIONS: number;
  LEDGER_COMMAND_PARTITIONS: number;
  KAFKA_REPLICATION_FACTOR?: number;
  KAFKA_SESSION_TIMEOUT_MS: number;
  KAFKA_HEARTBEAT_INTERVAL_MS: number;
  KAFKA_REBALANCE_TIMEOUT_MS: number;
}

export const kafkaConfigSchema = {
  KAFKA_BROKERS: kafkaBrokersSchema.required(),
  KAFKA_CLIENT_ID: Joi.string()
    .pattern(/^[a-zA-Z0-9._-]{1,100}$/)
    .optional(),
  KAFKA_TOPIC_PREFIX: Joi.string()
    .pattern(/^[a-zA-Z0-9._-]{0,100}$/)
    .allow('')
    .default(''),
  KAFKA_TOPIC_PARTITIONS: Joi.number().integer().min(1).max(1000).default(12),
  LEDGER_COMMAND_PARTITIONS: Joi.number().integer().min(1).max(1000).default(12),
  KAFKA_REPLICATION_FACTOR: Joi.number().integer().min(1).max(10).optional(),
  // Chosen so that a killed member's partitions are served again within about 8 s, and a member
  // notices a rebalance within about a second (docs/deployment.md, "Failures and restarts").
  KAFKA_SESSION_TIMEOUT_MS: Joi.number().integer().min(6000).max(300000).default(6000),
  KAFKA_HEARTBEAT_INTERVAL_MS: Joi.number().integer().min(100).less(Joi.ref('KAFKA_SESSION_TIMEOUT_MS')).default(1000),
  KAFKA_REBALANCE_TIMEOUT_MS: Joi.number().integer().min(1000).max(300000).default(10000),
  ...kafkaSecurityConfigSchema,
};
