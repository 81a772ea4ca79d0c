import { Injectable } from '@nestjs/common';
import { GroupCommit } from '@subledger/event-store';
import { AccountsReadModel } from '../../read-model/accounts-read-model';
import type { FoundKeys, GatheredWrites } from '../../read-model/gathered-writes';
import type { MessageRow, MessageState } from '../../read-model/message-rows';

/**
 * The rows of the gathered commands, read and written for the groups of every partition at once:
 * the groups that wait while one lookup or one write runs share the next one (a write is one
 * statement, see GatheredWriteStatement). Each partition's groups still follow one another, so a
 * team's writes keep their order; teams never share rows.
 */
@Injectable()
export class GroupRows {
  private readonly lookups = new GroupCommit<readonly string[], MessageState[]>((requests) => this.findAll(requests));
  private readonly commits = new GroupCommit<GatheredWrites, FoundKeys>((groups) => this.writeAll(groups));

  constructor(private readonly readModel: AccountsReadModel) {}

  /** The committed states of these message ids, whichever team holds them. */
  states(messageIds: readonly string[]): Promise<MessageState[]> {
    return messageIds.length === 0 ? Promise.resolve([]) : this.lookups.submit(messageIds);
  }

  /** Whole committed records, for the few replies that show a message recorded before their group. */
  records(messageIds: readonly string[]): Promise<MessageRow[]> {
    return this.readModel.messages.findMany(this.readModel.db, messageIds);
  }

  /** Writes a group's rows; answers the keys its usage reports found. */
  write(writes: GatheredWrites): Promise<FoundKeys> {
    const empty = writes.inserts.length === 0 && writes.changes.length === 0 && writes.usages.length === 0;
    return empty ? Promise.resolve([]) : this.commits.submit(writes);
  }

  private async findAll(requests: readonly (readonly string[])[]): Promise<MessageState[][]> {
    const rows = await this.readModel.messages.statesOf(this.readModel.db, [...new Set(requests.flat())]);
    return requests.map((ids) => {
      const wanted = new Set(ids);
      return rows.filter((row) => wanted.has(row.id));
    });
  }

  private async writeAll(groups: readonly GatheredWrites[]): Promise<FoundKeys[]> {
    const found = await this.readModel.gathered.write(this.readModel.db, {
      inserts: groups.flatMap((group) => group.inserts),
      changes: groups.flatMap((group) => group.changes),
      usages: groups.flatMap((group) => group.usages),
    });
    return groups.map(() => found);
  }
}
