import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { ActivityProjector } from './activity/activity-projector';
import { LedgerCommandHandler } from './commands/ledger-command.handler';
import { LedgerBusController } from './ledger-bus.controller';
import { LEDGER_OPTIONS, type LedgerModuleOptions } from './ledger-module.options';
import { LedgerMetrics } from './metrics/ledger-metrics';
import { LedgerQueryHandler } from './queries/ledger-query.handler';
import { TeamLedgerCache } from './team-state/team-ledger.cache';
import { UsageProjector } from './usage/usage-projector';

/**
 * The ledger service: the single writer of its teams' money, answering commands on
 * `ledger.commands` and reads on `ledger.queries` (LedgerBusController, whose handlers an app subscribes
 * through the platform's bus transport). It needs EVENT_STORE (a SqlEventStore),
 * MESSAGE_BUS and CLOCK from the application. Import `LedgerModule` for the defaults, or
 * `LedgerModule.forRoot(options)`.
 */
@Module({
  controllers: [LedgerBusController],
  providers: [
    { provide: LEDGER_OPTIONS, useValue: {} },
    {
      provide: TeamLedgerCache,
      inject: [LEDGER_OPTIONS],
      useFactory: (options: LedgerModuleOptions) => new TeamLedgerCache(options.maxCachedTeams, options.teamMemory),
    },
    LedgerMetrics,
    LedgerCommandHandler,
    LedgerQueryHandler,
    UsageProjector,
    ActivityProjector,
  ],
  exports: [LedgerCommandHandler, LedgerQueryHandler, TeamLedgerCache],
})
export class LedgerModule {
  static forRoot(options: LedgerModuleOptions = {}): DynamicModule {
    // Dynamic metadata extends the decorator's; a provider given again replaces the default.
    return { module: LedgerModule, providers: [{ provide: LEDGER_OPTIONS, useValue: options }] };
  }

  static forRootAsync(options: {
    inject?: InjectionToken[];
    useFactory: (...deps: never[]) => LedgerModuleOptions;
  }): DynamicModule {
    return {
      module: LedgerModule,
      providers: [{ provide: LEDGER_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }],
    };
  }
}
