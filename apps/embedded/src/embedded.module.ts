import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AccountsModule } from '@subledger/accounts-feature';
import type { SqlEventStore } from '@subledger/event-store';
import { GatewayModule } from '@subledger/gateway-feature';
import { LedgerModule } from '@subledger/ledger-feature';
import {
  ClockModule,
  databaseHealthCheck,
  EVENT_STORE,
  EventStoreModule,
  HealthModule,
  loadOrCreateAdminToken,
  MessageBusModule,
  structuredLoggerModule,
  validatedConfigModule,
} from '@subledger/platform';
import { type EmbeddedConfig, embeddedConfigSchema } from './config/embedded.config';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Gateway, accounts and ledger in one process: PGlite under the data directory, the in-process bus. */
@Module({
  imports: [
    validatedConfigModule(embeddedConfigSchema),
    structuredLoggerModule('subledger'),
    ClockModule,
    EventStoreModule.pglite(),
    MessageBusModule.inProcess(),
    LedgerModule.forRoot(),
    AccountsModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EmbeddedConfig, true>) => ({
        deletionRetentionMs: config.get('DELETION_RETENTION_DAYS') * DAY_MS,
        deletionSweepIntervalMs: config.get('DELETION_SWEEP_INTERVAL_MS'),
        carrier: { failureRate: config.get('DELIVERY_FAILURE_RATE'), stepDelayMs: config.get('DELIVERY_STEP_DELAY_MS') },
      }),
    }),
    GatewayModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EmbeddedConfig, true>) => ({
        adminToken: loadOrCreateAdminToken(config.get('DATA_DIR'), config.get('ADMIN_TOKEN')).token,
        requestTimeoutMs: config.get('REQUEST_TIMEOUT_MS'),
        rateLimitPerMinute: config.get('RATE_LIMIT_PER_MINUTE'),
        redisUrl: config.get('REDIS_URL'),
        pricesFile: config.get('PRICES_FILE'),
        idempotencyRetentionMs: config.get('IDEMPOTENCY_RETENTION_HOURS') * 60 * 60 * 1000,
      }),
    }),
    HealthModule.forRoot({
      inject: [HealthIndicatorService, EVENT_STORE],
      useFactory: (indicators: HealthIndicatorService, store: SqlEventStore) => [databaseHealthCheck(indicators, 'pglite', store.sql)],
    }),
  ],
})
export class EmbeddedModule {}
