import type { DynamicModule, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { MigrationHistory, SqlEventStore } from '@subledger/event-store';
import type { MessageBus } from '@subledger/messaging';
import type { ObjectSchema } from 'joi';
import { validatedConfigModule } from '../config/validated-config.module';
import { ClockModule } from '../clock/clock.module';
import { MESSAGE_BUS, MessageBusModule } from '../messaging/message-bus.module';
import { EVENT_STORE, EventStoreModule } from '../event-store/event-store.module';
import { HealthModule } from '../health/health.module';
import { kafkaHealthChecks } from '../health/kafka-health-check';
import { lagHealthCheck } from '../health/lag-health-check';
import { databaseHealthCheck } from '../health/postgres-health-check';
import { MetricsModule } from '../metrics/metrics.module';

/**
 * What every service of distributed mode starts with: validated configuration, the clock,
 * PostgreSQL (in the service's own schema, migrated with the event store's and the service's
 * `histories`), the Kafka bus, /health/live, /health/ready (PostgreSQL,
 * Kafka and lag) and /metrics. Logging comes with the
 * process (bootstrapHttp).
 */
export function postgresServiceModules(
  service: string,
  schema: ObjectSchema,
  histories: readonly MigrationHistory[],
): (DynamicModule | Promise<DynamicModule> | Type<unknown>)[] {
  return [
    validatedConfigModule(schema),
    ClockModule,
    EventStoreModule.postgres(histories),
    MessageBusModule.kafka(service),
    HealthModule.forRoot({
      inject: [HealthIndicatorService, EVENT_STORE, MESSAGE_BUS, ConfigService],
      useFactory: (
        indicators: HealthIndicatorService,
        store: SqlEventStore,
        bus: MessageBus,
        config: ConfigService,
      ) => [
        databaseHealthCheck(indicators, 'postgres', store.sql),
        ...kafkaHealthChecks(indicators, bus),
        lagHealthCheck(indicators, config.get<number>('READY_MAX_LAG_EVENTS') ?? 10_000),
      ],
    }),
    MetricsModule.forRoot(service),
  ];
}
