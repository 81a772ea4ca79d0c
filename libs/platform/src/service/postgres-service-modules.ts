import type { DynamicModule } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { SqlEventStore } from '@subledger/event-store';
import type { ObjectSchema } from 'joi';
import { validatedConfigModule } from '../config/validated-config.module';
import { EVENT_STORE, EventStoreModule } from '../event-store/event-store.module';
import { HealthModule } from '../health/health.module';
import { databaseHealthCheck } from '../health/postgres-health-check';
import { structuredLoggerModule } from '../logging/logger.module';

/** What every service of distributed mode that keeps events in PostgreSQL starts with. */
export function postgresServiceModules(service: string, schema: ObjectSchema): (DynamicModule | Promise<DynamicModule>)[] {
  return [
    validatedConfigModule(schema),
    structuredLoggerModule(service),
    EventStoreModule.postgres(),
    HealthModule.forRoot({
      inject: [HealthIndicatorService, EVENT_STORE],
      useFactory: (indicators: HealthIndicatorService, store: SqlEventStore) => [databaseHealthCheck(indicators, 'postgres', store.sql)],
    }),
  ];
}
