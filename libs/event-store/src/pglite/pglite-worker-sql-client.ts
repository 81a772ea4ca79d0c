import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SavepointSqlClient } from '../sql/savepoint-sql-client';
import type { SqlClient, SqlResult, SqlRow } from '../sql/sql-client';

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
export class PgliteWorkerSqlClient implements SqlClient {
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
    const client = new PgliteWorkerSqlClient(new Worker(join(__dirname, 'pglite-worker.js'), { workerData: { dataDir } }));
    await client.query('SELECT 1 AS ready');
    return client;
  }

  async query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
    // A query outside a transaction waits for the one holding the connection, then runs alone.
    for (let held = this.held; ; held = this.held) {
      await held;
      if (held === this.held) break;
    }
    return { rows: (await this.send('query', sql, params)) as R[] };
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    let release: () => void = () => undefined;
    const previous = this.held;
    this.held = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    await previous;
    // BEGIN travels with the transaction's first statement, and only if it has one: a round trip saved.
    let begun = false;
    const tx = new SavepointSqlClient(async (sql, params) => {
      const begin = !begun;
      begun = true;
      return { rows: await this.send('query', sql, params, begin) };
    });
    try {
      const result = await work(tx);
      if (begun) await this.send('exec', 'COMMIT');
      return result;
    } catch (error) {
      if (begun) await this.send('exec', 'ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    await this.held;
    await this.send('close');
    await this.worker.terminate();
  }

  private send(op: 'query' | 'exec' | 'close', sql?: string, params?: readonly unknown[], begin = false): Promise<SqlRow[]> {
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
