import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { EVENT_STORE, MESSAGE_BUS } from '@subledger/platform';
import { LedgerCommandHandler } from './commands/ledger-command.handler';
import { LedgerGroups } from './ledger-module.options';
import { LedgerQueryHandler } from './queries/ledger-query.handler';
import { applyLedgerMigrations } from './store/ledger-migrations';
import type { LedgerStore } from './store/ledger-store';

/** At start: the ledger's migrations first, then the commands and queries topics. */
@Injectable()
export class LedgerBusSubscriptions implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: LedgerStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(LedgerCommandHandler) private readonly commands: LedgerCommandHandler,
    @Inject(LedgerQueryHandler) private readonly queries: LedgerQueryHandler,
  ) {}

  async onModuleInit(): Promise<void> {
    await applyLedgerMigrations(this.store);
    // Invalid commands are answered by the handler itself, so a batch that fails is never the
    // messages' fault (a database outage, a fenced writer): it is retried, never dead-lettered.
    await this.bus.subscribe(Topics.ledgerCommands, LedgerGroups.commands, (batch) => this.commands.handle(batch), { onRepeatedFailure: 'retry' });
    await this.bus.subscribe(Topics.ledgerQueries, LedgerGroups.queries, (batch) => this.queries.handle(batch));
  }
}
