import Joi from 'joi';
import { postgresUrlSchema } from './infrastructure-config.schema';

/** PostgreSQL settings of a service of distributed mode; each keeps its tables in its own schema. */
export interface PostgresConfig {
  DATABASE_URL: string;
  DATABASE_SCHEMA: string;
  DATABASE_POOL_SIZE: number;
}

export function postgresConfigSchema(defaultSchema: string) {
  return {
    DATABASE_URL: postgresUrlSchema.required(),
    DATABASE_SCHEMA: Joi.string()
      .pattern(/^[a-z_][a-z0-9_]{0,62}$/)
      .default(defaultSchema)
      .messages({ 'string.pattern.base': '"DATABASE_SCHEMA" must be a lowercase SQL identifier' }),
    DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(100).default(10),
  };
}
