import { Module } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { SqlEventStore } from '@subledger/event-store';
import {
  databaseHealthCheck,
  EVENT_STORE,
  EventStoreModule,
  HealthModule,
  structuredLoggerModule,
  validatedConfigModule,
} from '@subledger/platform';
import { ledgerConfigSchema } from './config/ledger.config';

@Module({
  imports: [
    validatedConfigModule(ledgerConfigSchema),
    structuredLoggerModule('ledger'),
    EventStoreModule.postgres(),
    HealthModule.forRoot({
      inject: [HealthIndicatorService, EVENT_STORE],
      useFactory: (indicators: HealthIndicatorService, store: SqlEventStore) => [databaseHealthCheck(indicators, 'postgres', store.sql)],
    }),
  ],
})
export class LedgerAppModule {}
