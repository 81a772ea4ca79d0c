import { Inject, Injectable } from '@nestjs/common';
import { replyRefused } from '@subledger/contracts';
import type { LedgerQuery, LedgerQueryReply } from '@subledger/contracts';
import type { Envelope } from '@subledger/messaging';
import { EVENT_STORE } from '@subledger/platform';
import type { LedgerStore } from '../store/ledger-store';
import { type LedgerTables, ledgerTables } from '../store/ledger-tables';
import { getActivity } from './get-activity.query';
import { getBalance } from './get-balance.query';
import { getTeamSummaries } from './get-team-summaries.query';
import { getUsage } from './get-usage.query';
import { readLedgerQuery } from './ledger-query.reader';
import { listLedgerEntries } from './list-ledger-entries.query';

type AnyQueryReply = LedgerQueryReply<LedgerQuery['type']>;

/**
 * Answers reads from the committed projections and the event store, never from the writer's
 * memory, so it may run in any process. A malformed query gets a refusal; only a failing database
 * throws, which makes the bus deliver the batch again.
 */
@Injectable()
export class LedgerQueryHandler {
  private readonly tables: LedgerTables;

  constructor(@Inject(EVENT_STORE) private readonly store: LedgerStore) {
    this.tables = ledgerTables(store.quotedSchema);
  }

  handle(batch: Envelope<unknown>[]): Promise<AnyQueryReply[]> {
    return Promise.all(batch.map((message) => this.answer(message.value)));
  }

  answer(value: unknown): Promise<AnyQueryReply> {
    const read = readLedgerQuery(value);
    if (!read.ok) return Promise.resolve(replyRefused({ type: 'invalid_query', message: read.error }));
    const query = read.value;
    switch (query.type) {
      case 'GetBalance':
        return getBalance(this.store.sql, this.tables, query.teamId, query.accountIds);
      case 'ListLedgerEntries':
        return listLedgerEntries(this.store.sql, this.tables, query);
      case 'GetUsage':
        return getUsage(this.store.sql, this.tables, this.store.quotedSchema, query);
      case 'GetActivity':
        return getActivity(this.store.sql, this.tables, this.store.quotedSchema, query);
      case 'GetTeamSummaries':
        return getTeamSummaries(this.store.sql, this.tables, query);
      default: {
        const unknown: never = query;
        throw new Error(`Unknown ledger query ${JSON.stringify(unknown)}`);
      }
    }
  }
}
