import { type DynamicModule, type FactoryProvider, Module, type Provider } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type AccountsModuleOptions, resolveAccountsOptions } from './accounts-options';
import { AccountsBusController } from './bus/accounts-bus.controller';
import { DeliveryReports } from './carrier/delivery-reports';
import { MESSAGE_CARRIER } from './carrier/message-carrier.port';
import { SimulatedCarrier } from './carrier/simulated-carrier';
import { AccountsCommandRouter } from './commands/accounts-command.router';
import { ApiKeysHandler } from './commands/api-keys/api-keys.handler';
import { CreateSubAccountHandler } from './commands/create-sub-account/create-sub-account.handler';
import { CreateTeamHandler } from './commands/create-team/create-team.handler';
import { RunDeletionScheduleHandler } from './commands/deletion-schedule/run-deletion-schedule.handler';
import { GroupCommitHandler } from './commands/group-commit/group-commit.handler';
import { GroupRows } from './commands/group-commit/group-rows';
import { SubAccountLifecycleHandler } from './commands/sub-account-lifecycle/sub-account-lifecycle.handler';
import { DeletionScheduler } from './deletion/deletion-scheduler';
import { LedgerClient } from './ledger/ledger-client';
import { AccountsQueryHandler } from './queries/accounts-query.handler';
import { AccountsReadModel } from './read-model/accounts-read-model';
import { AccountViews } from './read-model/account-views';
import { TeamStateCache } from './team-state/team-state-cache';
import { TeamWriter } from './team-state/team-writer';

const serviceProviders: Provider[] = [
  AccountsReadModel,
  AccountViews,
  TeamStateCache,
  TeamWriter,
  LedgerClient,
  CreateTeamHandler,
  CreateSubAccountHandler,
  SubAccountLifecycleHandler,
  ApiKeysHandler,
  GroupRows,
  GroupCommitHandler,
  RunDeletionScheduleHandler,
  AccountsCommandRouter,
  AccountsQueryHandler,
  DeliveryReports,
  SimulatedCarrier,
  { provide: MESSAGE_CARRIER, useExisting: SimulatedCarrier },
  DeletionScheduler,
];

export interface AccountsModuleAsyncOptions {
  inject?: FactoryProvider['inject'];
  useFactory: (...deps: never[]) => AccountsModuleOptions;
}

/**
 * The accounts service: teams, projects, API keys, lifecycle and message records. It talks only
 * through MESSAGE_BUS (consuming `accounts.commands` and `accounts.queries` in AccountsBusController,
 * whose handlers an app subscribes through the platform's bus transport; requesting
 * `ledger.commands`) and keeps its events and read model in EVENT_STORE; time comes from CLOCK.
 * All three are provided by the app (platform's global modules, or a test's own).
 */
@Module({})
export class AccountsModule {
  static forRoot(options: AccountsModuleOptions = {}): DynamicModule {
    return AccountsModule.with({ provide: ACCOUNTS_OPTIONS, useValue: resolveAccountsOptions(options) });
  }

  /** Options from the app's configuration (ConfigService), resolved and checked at start. */
  static forRootAsync(options: AccountsModuleAsyncOptions): DynamicModule {
    return AccountsModule.with({
      provide: ACCOUNTS_OPTIONS,
      inject: options.inject ?? [],
      useFactory: (...deps: never[]) => resolveAccountsOptions(options.useFactory(...deps)),
    });
  }

  private static with(optionsProvider: Provider): DynamicModule {
    return {
      module: AccountsModule,
      controllers: [AccountsBusController],
      providers: [optionsProvider, ...serviceProviders],
      exports: [DeletionScheduler, DeliveryReports, SimulatedCarrier, MESSAGE_CARRIER],
    };
  }
}
