import { type DynamicModule, Module } from '@nestjs/common';
import { LedgerEventsRelay } from './ledger-events.relay';
import {
  LEDGER_EVENTS_RELAY_OPTIONS,
  type LedgerEventsRelayOptions,
  resolveRelayOptions,
} from './ledger-events-relay.options';

/**
 * Publishes the ledger's committed events to `ledger.events` while the application runs. Needs
 * EVENT_STORE (a SqlEventStore on PostgreSQL) and MESSAGE_BUS from the application. Not part of
 * `LedgerModule`: distributed mode opts in with `LedgerEventsRelayModule.forRoot()`, embedded mode
 * leaves it out (its in-process bus has no consumer outside the process, and PGlite's single
 * connection would be held by the relay while it publishes).
 */
@Module({})
export class LedgerEventsRelayModule {
  static forRoot(options: LedgerEventsRelayOptions = {}): DynamicModule {
    return {
      module: LedgerEventsRelayModule,
      providers: [{ provide: LEDGER_EVENTS_RELAY_OPTIONS, useValue: resolveRelayOptions(options) }, LedgerEventsRelay],
      exports: [LedgerEventsRelay],
    };
  }
}
