import { Inject, Injectable } from '@nestjs/common';
import type { SqlEventStore } from '@subledger/event-store';
import { EVENT_STORE } from '@subledger/platform';
import { accountsTablesSql } from './accounts-tables.sql';
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

  /** Creates the tables if missing; serialised by an advisory lock, so every replica may run it at start. */
  async migrate(): Promise<void> {
    await this.store.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1)) AS locked', [`subledger.accounts.migrate.${this.store.schema}`]);
      for (const statement of accountsTablesSql(this.store.quotedSchema)) await tx.query(statement);
    });
  }
}
