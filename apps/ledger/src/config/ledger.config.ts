import Joi from 'joi';
import { type CommonConfig, commonConfigSchema, kafkaBrokersSchema, portSchema, postgresUrlSchema } from '@subledger/platform';

export interface LedgerConfig extends CommonConfig {
  PORT: number;
  KAFKA_BROKERS: string;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  EVENT_STORE: 'postgres' | 'eventstoredb';
  EVENTSTORE_CONNECTION_STRING?: string;
}

export const ledgerConfigSchema = Joi.object<LedgerConfig>({
  ...commonConfigSchema,
  PORT: portSchema(3002),
  KAFKA_BROKERS: kafkaBrokersSchema.required(),
  DATABASE_URL: postgresUrlSchema.required(),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(100).default(10),
  EVENT_STORE: Joi.string().valid('postgres', 'eventstoredb').default('postgres'),
  EVENTSTORE_CONNECTION_STRING: Joi.string()
    .pattern(/^esdb(\+discover)?:\/\//)
    .when('EVENT_STORE', { is: 'eventstoredb', then: Joi.required() }),
});
