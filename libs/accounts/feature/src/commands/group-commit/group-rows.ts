import { Inject, Injectable } from '@nestjs/common';
import type { SqlEventStore } from '@subledger/event-store';
import { EVENT_STORE } from '@subledger/platform';
import { AccountsReadModel } from '../../read-model/accounts-read-model';
import type { KeyUsage } from '../../read-model/api-key-rows';
import type { MessageRow, MessageState, StoredMessage } from '../../read-model/message-rows';
import type { Queryable } from '../../read-model/sql-values';
import { Coalescer } from './coalescer';

/** What one group writes. */
export interface GroupWrites {
  readonly inserts: readonly StoredMessage[];
  readonly changes: readonly MessageState[];
  readonly usages: readonly KeyUsage[];
}

/** The keys a write found, each in its team. */
export type FoundKeys = readonly Omit<KeyUsage, 'at'>[];

/**
 * The rows of the gathered commands, read and written for the groups of every partition at once:
 * the groups that wait while one lookup or one commit runs share the next one. Each partition's
 * groups still follow one another, so a team's writes keep their order; teams never share rows.
 */
@Injectable()
export class GroupRows {
  private readonly lookups = new Coalescer<readonly string[], MessageState[]>((requests) => this.findAll(requests));
  private readonly commits = new Coalescer<GroupWrites, FoundKeys>((groups) => this.writeAll(groups));

  constructor(
    @Inject(EVENT_STORE) private readonly store: SqlEventStore,
    private readonly readModel: AccountsReadModel,
  ) {}

  /** The committed states of these message ids, whichever team holds them. */
  states(messageIds: readonly string[]): Promise<MessageState[]> {
    return messageIds.length === 0 ? Promise.resolve([]) : this.lookups.run(messageIds);
  }

  /** Whole committed records, for the few replies that show a message recorded before their group. */
  records(messageIds: readonly string[]): Promise<MessageRow[]> {
    return this.readModel.messages.findMany(this.readModel.db, messageIds);
  }

  /** Commits a group's rows; answers the keys its usage reports found. */
  write(writes: GroupWrites): Promise<FoundKeys> {
    const empty = writes.inserts.length === 0 && writes.changes.length === 0 && writes.usages.length === 0;
    return empty ? Promise.resolve([]) : this.commits.run(writes);
  }

  private async findAll(requests: readonly (readonly string[])[]): Promise<MessageState[][]> {
    const rows = await this.readModel.messages.statesOf(this.readModel.db, [...new Set(requests.flat())]);
    return requests.map((ids) => {
      const wanted = new Set(ids);
      return rows.filter((row) => wanted.has(row.id));
    });
  }

  private async writeAll(groups: readonly GroupWrites[]): Promise<FoundKeys[]> {
    const { messages, apiKeys, db } = this.readModel;
    const inserts = groups.flatMap((group) => group.inserts);
    const changes = groups.flatMap((group) => group.changes);
    const usages = groups.flatMap((group) => group.usages);
    const write = async (tx: Queryable) => {
      await messages.insertMany(tx, inserts);
      await messages.changeStatuses(tx, changes);
      return apiKeys.recordUsages(tx, usages);
    };
    // A single statement is atomic on its own: BEGIN and COMMIT would only cost two more round trips.
    const statements = [inserts, changes, usages].filter((rows) => rows.length > 0).length;
    const found = statements === 1 ? await write(db) : await this.store.sql.transaction(write);
    return groups.map(() => found);
  }
}
