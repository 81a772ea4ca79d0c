import { Controller, Inject, type OnModuleInit } from '@nestjs/common';
import { Topics } from '@subledger/contracts';
import type { Envelope } from '@subledger/messaging';
import { BusHandler, EVENT_STORE } from '@subledger/platform';
import { LedgerCommandHandler } from './commands/ledger-command.handler';
import { LedgerGroups } from './ledger-module.options';
import { LedgerQueryHandler } from './queries/ledger-query.handler';
import { applyLedgerMigrations } from './store/ledger-migrations';
import type { LedgerStore } from './store/ledger-store';

/**
 * The ledger's handlers of `ledger.commands` and `ledger.queries`, subscribed by the platform's bus
 * transport once every module has started (docs/architecture.md, §3 "Handlers"); the ledger's
 * migrations are applied before, when the module starts.
 */
@Controller()
export class LedgerBusController implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: LedgerStore,
    @Inject(LedgerCommandHandler) private readonly commands: LedgerCommandHandler,
    @Inject(LedgerQueryHandler) private readonly queries: LedgerQueryHandler,
  ) {}

  async onModuleInit(): Promise<void> {
    await applyLedgerMigrations(this.store);
  }

  /**
   * Invalid commands are answered by the handler itself (on Kafka, one that does not decode is
   * answered `invalid_command` by the bus, from the contract's codecs), so a batch that fails is never the
   * messages' fault (a database outage, a fenced writer): it is retried, never dead-lettered.
   */
  @BusHandler(Topics.ledgerCommands, LedgerGroups.commands, { onRepeatedFailure: 'retry' })
  handleCommands(batch: Envelope<unknown>[]): ReturnType<LedgerCommandHandler['handle']> {
    return this.commands.handle(batch);
  }

  @BusHandler(Topics.ledgerQueries, LedgerGroups.queries)
  handleQueries(batch: Envelope<unknown>[]): ReturnType<LedgerQueryHandler['handle']> {
    return this.queries.handle(batch);
  }
}
