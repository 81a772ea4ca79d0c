import { Inject, Injectable } from '@nestjs/common';
import { migrateSchema, type SqlEventStore } from '@subledger/event-store';
import { EVENT_STORE } from '@subledger/platform';
import { accountsMigrations } from './accounts-migrations';
import { ApiKeyRows } from './api-key-rows';
import { GatheredWriteStatement } from './gathered-writes';
import { MessageRows } from './message-rows';
import { ProjectRows } from './project-rows';
import type { Queryable } from './sql-values';
import { TeamRows } from './team-rows';

/** The accounts service's tables, in the event store's schema so that one transaction writes both. */
@Injectable()
export class AccountsReadModel {
  readonly teams: TeamRows;
  readonly projects: ProjectRows;
  readonly apiKeys: ApiKeyRows;
  readonly messages: MessageRows;
  readonly gathered: GatheredWriteStatement;
  /** Reads outside a transaction see only what commands committed. */
  readonly db: Queryable;

  constructor(@Inject(EVENT_STORE) private readonly store: SqlEventStore) {
    const schema = store.quotedSchema;
    this.teams = new TeamRows(schema);
    this.projects = new ProjectRows(schema);
    this.apiKeys = new ApiKeyRows(schema);
    this.messages = new MessageRows(schema);
    this.gathered = new GatheredWriteStatement(schema);
    this.db = store.sql;
  }

  /**
   * Applies the read model's pending migrations. A service has applied (or verified) them before
   * its modules start (EventStoreModule), so this finds nothing to do there; compositions over a
   * bare store (tests) rely on it.
   */
  async migrate(): Promise<void> {
    await migrateSchema(this.store.sql, this.store.schema, [accountsMigrations]);
  }
}
