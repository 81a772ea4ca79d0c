import Joi from 'joi';
import { type DistributedServiceConfig, distributedServiceConfigSchema } from '@subledger/platform';

export interface LedgerConfig extends DistributedServiceConfig {
  LEDGER_MAX_CACHED_TEAMS?: number;
  EVENT_STORE: 'postgres';
}

export const ledgerConfigSchema = Joi.object<LedgerConfig>({
  ...distributedServiceConfigSchema('ledger', 3002),
  LEDGER_MAX_CACHED_TEAMS: Joi.number().integer().min(1).optional(),
  EVENT_STORE: Joi.string().valid('postgres').default('postgres').messages({
    'any.only':
      '"EVENT_STORE" must be postgres: the ledger writer needs its projections in the same transaction as its events (see docs/decisions.md)',
  }),
});
