import type { DynamicModule, Type } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { SqlEventStore } from '@subledger/event-store';
import type { ObjectSchema } from 'joi';
import { validatedConfigModule } from '../config/validated-config.module';
import { ClockModule } from '../clock/clock.module';
import { MessageBusModule } from '../messaging/message-bus.module';
import { EVENT_STORE, EventStoreModule } from '../event-store/event-store.module';
import { HealthModule } from '../health/health.module';
import { databaseHealthCheck } from '../health/postgres-health-check';
import { MetricsModule } from '../metrics/metrics.module';

/**
 * What every service of distributed mode starts with: validated configuration, the clock,
 * PostgreSQL (in the service's own schema), the Kafka bus, /health and /metrics. Logging comes with the
 * process (bootstrapHttp).
 */
export function postgresServiceModules(service: string, schema: ObjectSchema): (DynamicModule | Promise<DynamicModule> | Type<unknown>)[] {
  return [
    validatedConfigModule(schema),
    ClockModule,
    EventStoreModule.postgres(),
    MessageBusModule.kafka(service),
    HealthModule.forRoot({
      inject: [HealthIndicatorService, EVENT_STORE],
      useFactory: (indicators: HealthIndicatorService, store: SqlEventStore) => [databaseHealthCheck(indicators, 'postgres', store.sql)],
    }),
    MetricsModule.forRoot(service),
  ];
}
