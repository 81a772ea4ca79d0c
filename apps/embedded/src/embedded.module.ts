import { Module } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { SqlEventStore } from '@subledger/event-store';
import {
  databaseHealthCheck,
  EVENT_STORE,
  EventStoreModule,
  HealthModule,
  MessageBusModule,
  structuredLoggerModule,
  validatedConfigModule,
} from '@subledger/platform';
import { embeddedConfigSchema } from './config/embedded.config';

/** Gateway, accounts and ledger in one process: PGlite under the data directory, the in-process bus. */
@Module({
  imports: [
    validatedConfigModule(embeddedConfigSchema),
    structuredLoggerModule('subledger'),
    EventStoreModule.pglite(),
    MessageBusModule.inProcess(),
    HealthModule.forRoot({
      inject: [HealthIndicatorService, EVENT_STORE],
      useFactory: (indicators: HealthIndicatorService, store: SqlEventStore) => [databaseHealthCheck(indicators, 'pglite', store.sql)],
    }),
  ],
})
export class EmbeddedModule {}
