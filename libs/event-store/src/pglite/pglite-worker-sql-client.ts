import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { allAnswered } from '../sql/all-answered';
import { SavepointSqlClient } from '../sql/savepoint-sql-client';
import type { SentTransactions, SqlClient, SqlResult, SqlRow } from '../sql/sql-client';

interface Reply {
  readonly id: number;
  readonly rows?: SqlRow[];
  readonly error?: { message: string } & Record<string, unknown>;
}

interface Waiting {
  readonly resolve: (rows: SqlRow[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * `SqlClient` over a PGlite database that lives in a worker thread, so that PostgreSQL's
 * WebAssembly runs beside the event loop instead of on it: the process's JavaScript (HTTP, the
 * bus, the deciders) and the database then use two cores. Each query is a message to the worker
 * and back. PGlite is one connection, so a transaction holds it: queries from outside the
 * transaction wait until it ends, as they would on PGlite itself.
 */
export class PgliteWorkerSqlClient implements SqlClient, SentTransactions {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  /** Resolves when the transaction holding the connection (if any) has ended. */
  private held: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`The PGlite worker stopped (exit code ${code})`)));
  }

  /** Starts the worker on `dataDir` (a directory, or `memory://`) and waits until the database answers. */
  static async open(dataDir: string): Promise<PgliteWorkerSqlClient> {
    const client = new PgliteWorkerSqlClient(
      new Worker(join(__dirname, 'pglite-worker.js'), { workerData: { dataDir } }),
    );
    await client.query('SELECT 1 AS ready');
    return client;
  }

  async query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
    await this.untilFree();
    return { rows: (await this.send('query', sql, params)) as R[] };
  }

  /** Runs a script, statements without parameters (the simple protocol); the rows of its last statement. */
  async exec<R extends SqlRow = SqlRow>(script: string): Promise<SqlResult<R>> {
    await this.untilFree();
    return { rows: (await this.send('exec', script)) as R[] };
  }

  /** A statement outside a transaction waits for the one holding the connection, then runs alone. */
  private async untilFree(): Promise<void> {
    for (let held = this.held; ; held = this.held) {
      await held;
      if (held === this.held) break;
    }
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const release = await this.takeConnection();
    const { tx, begun } = this.transactionClient();
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      if (begun()) await this.endWith('ROLLBACK', release).catch(() => undefined);
      throw error;
    } finally {
      if (!begun()) release();
    }
    // No ROLLBACK after a failed COMMIT: the transaction has ended, and the next one may be running.
    if (begun()) await this.endWith('COMMIT', release);
    return result;
  }

  /**
   * A transaction whose COMMIT follows its statements at once (see SentTransactions): the
   * connection is handed on as soon as `work` has sent them, instead of being held for the round
   * trips through this thread's event loop that waiting for each answer costs under load. A statement
   * `work` sends after that is refused.
   */
  async sentTransaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const release = await this.takeConnection();
    let sent = false;
    const { tx, begun } = this.transactionClient(() => sent);
    let working: Promise<T>;
    let threw = false;
    try {
      working = work(tx);
    } catch (error) {
      threw = true;
      working = Promise.reject(error);
    }
    sent = true;
    if (!begun()) {
      release();
      return working;
    }
    // A failed statement has aborted the transaction, and PostgreSQL answers this COMMIT by rolling back.
    const [result] = await allAnswered([working, this.endWith(threw ? 'ROLLBACK' : 'COMMIT', release)]);
    return result;
  }

  /** Waits until the connection is free and takes it; the function returned hands it on. */
  private async takeConnection(): Promise<() => void> {
    let release: () => void = () => undefined;
    const previous = this.held;
    this.held = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    await previous;
    return () => release();
  }

  /**
   * A transaction's client: BEGIN travels with its first statement, and only if it has one (a round
   * trip saved). Once `closed` says so, a statement is refused instead of sent.
   */
  private transactionClient(closed: () => boolean = () => false): { tx: SqlClient; begun: () => boolean } {
    let begun = false;
    const tx = new SavepointSqlClient(async (sql, params) => {
      if (closed())
        throw new Error(`A statement was sent after its transaction's COMMIT, and not run: ${sql.slice(0, 80)}`);
      const begin = !begun;
      begun = true;
      return { rows: await this.send('query', sql, params, begin) };
    });
    return { tx, begun: () => begun };
  }

  /**
   * Sends the transaction's last statement and hands the connection on at once, before the answer:
   * the worker runs its messages in the order they were sent, so the next transaction's first
   * statement queues behind this COMMIT instead of waiting a round trip through this thread's
   * event loop (busy with HTTP under load) while the database idles. A COMMIT that fails has still
   * ended the transaction (PostgreSQL rolls it back), so the next one starts clean.
   */
  private endWith(statement: 'COMMIT' | 'ROLLBACK', release: () => void): Promise<SqlRow[]> {
    const ended = this.send('exec', statement);
    release();
    return ended;
  }

  async close(): Promise<void> {
    await this.held;
    await this.send('close');
    await this.worker.terminate();
  }

  private send(
    op: 'query' | 'exec' | 'close',
    sql?: string,
    params?: readonly unknown[],
    begin = false,
  ): Promise<SqlRow[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<SqlRow[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, sql, params, begin });
    });
  }

  private settle({ id, rows, error }: Reply): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    if (error) waiting.reject(Object.assign(new Error(error.message), error));
    else waiting.resolve(rows ?? []);
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
