import { Module } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Pool } from 'pg';
import {
  databaseHealthCheck,
  HealthModule,
  POSTGRES_POOL,
  PostgresPoolModule,
  structuredLoggerModule,
  validatedConfigModule,
} from '@subledger/platform';
import { accountsConfigSchema } from './config/accounts.config';

@Module({
  imports: [
    validatedConfigModule(accountsConfigSchema),
    structuredLoggerModule('accounts'),
    PostgresPoolModule,
    HealthModule.forRoot({
      inject: [HealthIndicatorService, POSTGRES_POOL],
      useFactory: (indicators: HealthIndicatorService, pool: Pool) => [databaseHealthCheck(indicators, 'postgres', pool)],
    }),
  ],
})
export class AccountsAppModule {}
