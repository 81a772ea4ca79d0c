import type { SqlClient, SqlResult, SqlRow } from './sql-client';

export type RunQuery = (sql: string, params?: readonly unknown[]) => Promise<SqlResult>;

/** A client bound to one open transaction; nested transactions become savepoints. */
export class SavepointSqlClient implements SqlClient {
  private savepoints = 0;

  constructor(private readonly run: RunQuery) {}

  async query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
    return (await this.run(sql, params)) as SqlResult<R>;
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const savepoint = `subledger_sp_${++this.savepoints}`;
    await this.run(`SAVEPOINT ${savepoint}`);
    try {
      const result = await work(this);
      await this.run(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await this.run(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      throw error;
    }
  }
}
