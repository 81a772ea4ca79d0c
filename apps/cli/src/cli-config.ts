import Joi from 'joi';
import { postgresUrlSchema } from '@subledger/platform/standalone';

/**
 * The services' own settings: DATABASE_URL for distributed mode's PostgreSQL (each service in its
 * schema, `ledger`, `accounts` and `gateway` unless their DATABASE_SCHEMA says otherwise), else
 * DATA_DIR for embedded mode's PGlite, where all live in one schema.
 */
export interface CliConfig {
  DATABASE_URL?: string;
  LEDGER_DATABASE_SCHEMA: string;
  ACCOUNTS_DATABASE_SCHEMA: string;
  /** Only `migrate` touches the gateway's schema. */
  GATEWAY_DATABASE_SCHEMA: string;
  DATA_DIR: string;
}

const schemaName = (fallback: string) =>
  Joi.string()
    .pattern(/^[a-z_][a-z0-9_]{0,54}$/)
    .default(fallback)
    .messages({ 'string.pattern.base': '{#label} must be a lowercase SQL identifier of at most 55 characters' });

export const cliConfigSchema = Joi.object<CliConfig>({
  DATABASE_URL: postgresUrlSchema.empty('').optional(),
  LEDGER_DATABASE_SCHEMA: schemaName('ledger'),
  ACCOUNTS_DATABASE_SCHEMA: schemaName('accounts'),
  GATEWAY_DATABASE_SCHEMA: schemaName('gateway'),
  DATA_DIR: Joi.string().default('./data'),
});
