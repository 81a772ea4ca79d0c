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
}

export const kafkaConfigSchema = {
  KAFKA_BROKERS: kafkaBrokersSchema.required(),
  KAFKA_CLIENT_ID: Joi.string().pattern(/^[a-zA-Z0-9._-]{1,100}$/).optional(),
  KAFKA_TOPIC_PREFIX: Joi.string().pattern(/^[a-zA-Z0-9._-]{0,100}$/).allow('').default(''),
  KAFKA_TOPIC_PARTITIONS: Joi.number().integer().min(1).max(1000).default(12),
  LEDGER_COMMAND_PARTITIONS: Joi.number().integer().min(1).max(1000).default(12),
  KAFKA_REPLICATION_FACTOR: Joi.number().integer().min(1).max(10).optional(),
  KAFKA_SESSION_TIMEOUT_MS: Joi.number().integer().min(6000).max(300000).default(30000),
  ...kafkaSecurityConfigSchema,
};
