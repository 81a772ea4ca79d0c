import type { SqlEventStore, SqlEventStoreTransaction } from '@subledger/event-store';
import type { LedgerStore } from '../store/ledger-store';

/**
 * `before-commit`: the transaction's work runs, then the commit fails, so nothing of it is kept.
 * `after-commit`: the transaction commits, then the caller sees an error, as after a crash between
 * the commit and the reply.
 */
export type InjectedFailure = 'before-commit' | 'after-commit';

/** The real store, except that the next batches' write transactions fail as planned. */
export class FlakyStore implements LedgerStore {
  readonly planned: InjectedFailure[] = [];

  constructor(private readonly inner: SqlEventStore) {}

  get sql(): LedgerStore['sql'] {
    return this.inner.sql;
  }

  get schema(): string {
    return this.inner.schema;
  }

  get quotedSchema(): string {
    return this.inner.quotedSchema;
  }

  readStream: LedgerStore['readStream'] = (streamId, options) => this.inner.readStream(streamId, options);

  /**
   * The ledger's other transactions (projections, the outbox relay, checks) pass through untouched:
   * they run on timers, and a planned failure they took would miss the batch it was planned for.
   */
  transaction<T>(work: (tx: SqlEventStoreTransaction) => Promise<T>): Promise<T> {
    return this.inner.transaction(work);
  }

  /**
   * A batch's writes: fail as planned. A failure before the commit needs an ordinary transaction,
   * which waits for the work.
   */
  async sentTransaction<T>(work: (tx: SqlEventStoreTransaction) => Promise<T>): Promise<T> {
    const failure = this.planned.shift();
    if (failure === 'before-commit') {
      return this.inner.transaction(async (tx) => {
        await work(tx);
        throw new Error('injected: the commit failed');
      });
    }
    const result = await this.inner.sentTransaction(work);
    if (failure === 'after-commit') throw new Error('injected: the process died after the commit');
    return result;
  }
}
