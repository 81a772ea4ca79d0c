import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LedgerEventsRelayModule, ledgerMigrations, LedgerModule } from '@subledger/ledger-feature';
import { postgresServiceModules } from '@subledger/platform';
import { type LedgerConfig, ledgerConfigSchema } from './config/ledger.config';

@Module({
  imports: [
    ...postgresServiceModules('ledger', ledgerConfigSchema, [ledgerMigrations]),
    LedgerModule.forRootAsync({
      inject: [ConfigService],
      // Kafka offsets are stored with each batch: unlike the in-process bus', they outlive the process.
      useFactory: (config: ConfigService<LedgerConfig, true>) => ({
        recordConsumerOffsets: true,
        maxCachedTeams: config.get('LEDGER_MAX_CACHED_TEAMS', { infer: true }),
      }),
    }),
    // The events table is the outbox: committed events reach `ledger.events` for outside consumers.
    LedgerEventsRelayModule.forRoot(),
  ],
})
export class LedgerAppModule {}
