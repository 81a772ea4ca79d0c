import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import {
  type AccountsEnv,
  accountsEnvSchema,
  accountsMigrations,
  AccountsModule,
  accountsOptionsFromEnv,
} from '@subledger/accounts-feature';
import type { SqlEventStore } from '@subledger/event-store';
import {
  type GatewayEnv,
  gatewayEnvSchema,
  gatewayMigrations,
  GatewayModule,
  gatewayOptionsFromEnv,
} from '@subledger/gateway-feature';
import { ledgerMigrations, LedgerModule } from '@subledger/ledger-feature';
import {
  ClockModule,
  configValues,
  databaseHealthCheck,
  EVENT_STORE,
  EventStoreModule,
  HealthModule,
  loadOrCreateAdminToken,
  MessageBusModule,
  MetricsModule,
  validatedConfigModule,
} from '@subledger/platform';
import { embeddedConfigSchema } from './config/embedded.config';

/** Gateway, accounts and ledger in one process: PGlite under the data directory, the in-process bus. */
@Module({
  imports: [
    validatedConfigModule(embeddedConfigSchema),
    ClockModule,
    // The three services share one schema; each keeps its own migration history in it.
    EventStoreModule.pglite([gatewayMigrations, accountsMigrations, ledgerMigrations]),
    MessageBusModule.inProcess(),
    LedgerModule.forRoot(),
    AccountsModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        accountsOptionsFromEnv(configValues<AccountsEnv>(config, accountsEnvSchema)),
    }),
    GatewayModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        gatewayOptionsFromEnv(
          configValues<GatewayEnv>(config, gatewayEnvSchema),
          loadOrCreateAdminToken(config.getOrThrow<string>('DATA_DIR'), config.get<string>('ADMIN_TOKEN')).token,
        ),
    }),
    HealthModule.forRoot({
      inject: [HealthIndicatorService, EVENT_STORE],
      useFactory: (indicators: HealthIndicatorService, store: SqlEventStore) => [
        databaseHealthCheck(indicators, 'pglite', store.sql),
      ],
    }),
    MetricsModule.forRoot('embedded'),
  ],
})
export class EmbeddedModule {}
