import type {
  AppendOptions,
  AppendResult,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import { type EventRow, recordedEventFromRow } from './event-row';
import { type AppendContext, appendInTransaction, type PreparedAppend, prepareAppend } from './sql-append';
import type { SqlClient, SqlResult, SqlRow } from './sql-client';

/**
 * The event operations on one SQL client. On a pooled client each append is its own transaction; on
 * a transaction's client the appends join that transaction, which commits or rolls back as a whole.
 */
export class SqlEventLog {
  constructor(
    private readonly client: SqlClient,
    private readonly context: AppendContext,
    private readonly inTransaction: boolean,
  ) {}

  async append(
    streamId: string,
    events: readonly EventData[],
    { expectedVersion }: AppendOptions,
  ): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, expectedVersion }]);
    return result;
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.inTransaction) return appendInTransaction(this.client, this.context, appends);
    return this.client.transaction((tx) => appendInTransaction(tx, this.context, appends));
  }

  /** An append built and checked now, sent by `send()`: see prepareAppend. Only inside transaction(). */
  prepareAppend(appends: readonly StreamAppend[]): PreparedAppend {
    if (!this.inTransaction) throw new Error('prepareAppend() only means something inside transaction()');
    return prepareAppend(this.client, this.context, appends);
  }

  /**
   * Takes the append lock until the transaction ends, as an append does: versions read after it
   * cannot change before the commit. For a transaction that checks versions without appending.
   */
  async lockAppends(): Promise<void> {
    if (!this.inTransaction) throw new Error('lockAppends() only means something inside transaction()');
    if (this.context.lockKey !== null)
      await this.client.query(this.context.statements.appendLock, [this.context.lockKey]);
  }

  async readStream(streamId: string, { fromVersion = 0n, maxCount }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.client.query<EventRow>(this.context.statements.readStream, [
      streamId,
      fromVersion.toString(),
      limit(maxCount),
    ]);
    return rows.map(recordedEventFromRow);
  }

  async readAll({ fromPosition = 0n, maxCount }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.client.query<EventRow>(this.context.statements.readAll, [
      fromPosition.toString(),
      limit(maxCount),
    ]);
    return rows.map(recordedEventFromRow);
  }

  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
    return this.client.query<R>(sql, params);
  }
}

function limit(maxCount: number | undefined): string | null {
  if (maxCount === undefined) return null;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0)
    throw new RangeError(`maxCount must be a whole number >= 0, got ${maxCount}`);
  return String(maxCount);
}
