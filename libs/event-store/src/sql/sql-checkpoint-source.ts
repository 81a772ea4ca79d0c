import type { RecordedEvent } from '../event-store.port';
import type { PollingSource } from '../subscriptions/polling-subscription';
import type { EventStoreStatements } from './event-store-statements.sql';
import type { SqlClient } from './sql-client';
import type { SqlEventLog } from './sql-event-log';

/** Feeds a polling subscription from the `events` table, with checkpoints in `subscription_checkpoints`. */
export class SqlCheckpointSource implements PollingSource {
  constructor(
    private readonly sql: SqlClient,
    private readonly statements: EventStoreStatements,
    private readonly log: SqlEventLog,
  ) {}

  async loadCheckpoint(name: string): Promise<bigint | undefined> {
    const { rows } = await this.sql.query<{ position: string }>(this.statements.loadCheckpoint, [name]);
    return rows.length === 0 ? undefined : BigInt(rows[0].position);
  }

  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    await this.sql.query(this.statements.saveCheckpoint, [name, position.toString()]);
  }

  readAfter(position: bigint | undefined, maxCount: number): Promise<RecordedEvent[]> {
    return this.log.readAll({ fromPosition: position === undefined ? 0n : position + 1n, maxCount });
  }
}
