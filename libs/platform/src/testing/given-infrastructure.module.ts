import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store/event-store.module';
import { KeyIdentityChanges } from '../messaging/key-identity-changes';
import { MESSAGE_BUS } from '../messaging/message-bus.module';

export interface GivenInfrastructure {
  readonly store: unknown;
  readonly bus: unknown;
  /** Left out, the app's own ClockModule (if any) provides CLOCK. */
  readonly clock?: Clock;
  /**
   * The gateway and the real accounts service in one process, as in embedded mode: provides
   * KeyIdentityChanges, as `MessageBusModule.inProcess()` does.
   */
  readonly oneProcess?: boolean;
}

/**
 * For tests: EVENT_STORE, MESSAGE_BUS and optionally CLOCK as objects the test built and owns,
 * global like the modules that provide them in the apps.
 */
@Module({})
export class GivenInfrastructureModule {
  static with({ store, bus, clock, oneProcess = false }: GivenInfrastructure): DynamicModule {
    const given: [symbol, unknown][] = [
      [EVENT_STORE, store],
      [MESSAGE_BUS, bus],
      ...(clock === undefined ? [] : [[CLOCK, clock] as [symbol, Clock]]),
    ];
    const providers: Provider[] = [
      ...given.map(([provide, useValue]) => ({ provide, useValue })),
      ...(oneProcess ? [KeyIdentityChanges] : []),
    ];
    const exports = [...given.map(([token]) => token), ...(oneProcess ? [KeyIdentityChanges] : [])];
    return { module: GivenInfrastructureModule, global: true, providers, exports };
  }
}
