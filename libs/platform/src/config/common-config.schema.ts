import Joi from 'joi';

/** Settings every app shares. */
export const commonConfigSchema = {
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  HOST: Joi.string().hostname().default('127.0.0.1'),
  MIGRATIONS: Joi.string().valid('apply', 'verify').default('apply').messages({
    'any.only':
      '"MIGRATIONS" must be apply (apply pending migrations at start) or verify (refuse to start while any is pending)',
  }),
};

export const portSchema = (defaultPort: number) => Joi.number().integer().min(0).max(65535).default(defaultPort);

export interface CommonConfig {
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  NODE_ENV: 'development' | 'production' | 'test';
  HOST: string;
  /** What a start does with pending schema migrations (docs/deployment.md, "Schema migrations"). */
  MIGRATIONS: 'apply' | 'verify';
}
