import Joi from 'joi';
import type { AccountsModuleOptions } from '../accounts-options';

/** The environment settings of the accounts module, shared by the embedded and distributed apps. */
export interface AccountsEnv {
  LEDGER_TIMEOUT_MS: number;
  DELIVERY_FAILURE_RATE: number;
  DELIVERY_STEP_DELAY_MS: number;
  DELETION_RETENTION_DAYS: number;
  DELETION_SWEEP_INTERVAL_MS: number;
}

export const accountsEnvSchema = {
  LEDGER_TIMEOUT_MS: Joi.number().integer().min(100).max(60000).default(5000),
  DELIVERY_FAILURE_RATE: Joi.number().min(0).max(1).default(0.02),
  DELIVERY_STEP_DELAY_MS: Joi.number().integer().min(0).default(1000),
  DELETION_RETENTION_DAYS: Joi.number().integer().min(1).default(14),
  DELETION_SWEEP_INTERVAL_MS: Joi.number().integer().min(1000).default(60000),
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function accountsOptionsFromEnv(env: AccountsEnv): AccountsModuleOptions {
  return {
    ledgerTimeoutMs: env.LEDGER_TIMEOUT_MS,
    deletionRetentionMs: env.DELETION_RETENTION_DAYS * DAY_MS,
    deletionSweepIntervalMs: env.DELETION_SWEEP_INTERVAL_MS,
    carrier: { failureRate: env.DELIVERY_FAILURE_RATE, stepDelayMs: env.DELIVERY_STEP_DELAY_MS },
  };
}
