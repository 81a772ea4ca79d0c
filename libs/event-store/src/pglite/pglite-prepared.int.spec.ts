import { PGlite } from '@electric-sql/pglite';
const { PreparedStatements } = require('./pglite-prepared') as { PreparedStatements: PreparedStatementsClass };

type Row = Record<string, unknown>;
interface PreparedStatementsLike {
  query(sql: string, params: unknown[], begin?: boolean): Promise<Row[]>;
  statements: Map<string, unknown>;
}
type PreparedStatementsClass = { on(db: PGlite): Promise<PreparedStatementsLike> };

/** The worker's statements against PGlite's own `query`: same rows, same errors, one plan per text. */
describe("PGlite prepared statements (the worker thread's queries)", () => {
  let db: PGlite;
  let statements: PreparedStatementsLike;

  beforeAll(async () => {
    db = await PGlite.create('memory://');
    await db.exec(`CREATE TABLE things (id text PRIMARY KEY, n bigint NOT NULL, doc jsonb, flag boolean, at timestamptz);
      INSERT INTO things VALUES ('a', 1, '{"x":[1,2]}', true, '2026-01-02T03:04:05Z'), ('b', 9007199254740993, null, false, null)`);
  });
  beforeEach(async () => {
    statements = await PreparedStatements.on(db);
  });
  afterAll(() => db.close());

  it("answers the rows PGlite's query answers, parsed the same way, for array and scalar parameters", async () => {
    const sql =
      'SELECT id, n, doc, flag, at, n::text AS n_text FROM things WHERE id = ANY($1::text[]) AND n >= $2 ORDER BY id';
    const params = [['a', 'b'], 0];
    const expected = (await db.query<Row>(sql, params)).rows;
    expect(expected).toHaveLength(2);
    expect(await statements.query(sql, params)).toEqual(expected);
    expect(await statements.query(sql, params)).toEqual(expected);
    expect(statements.statements.size).toBe(1);
  });

  it('answers no rows for a statement without a result, and runs it', async () => {
    expect(await statements.query('UPDATE things SET flag = $1 WHERE id = $2', [false, 'a'])).toEqual([]);
    expect((await db.query<Row>(`SELECT flag FROM things WHERE id = 'a'`)).rows).toEqual([{ flag: false }]);
  });

  it('opens a transaction in the same call when asked, on the first and on later runs of a text', async () => {
    const sql = 'INSERT INTO things (id, n) VALUES ($1, $2) RETURNING id';
    expect(await statements.query(sql, ['t1', 1], true)).toEqual([{ id: 't1' }]);
    await db.exec('ROLLBACK');
    expect(await statements.query(sql, ['t2', 2], true)).toEqual([{ id: 't2' }]);
    await db.exec('ROLLBACK');
    expect((await db.query<Row>(`SELECT id FROM things WHERE id IN ('t1', 't2')`)).rows).toEqual([]);
  });

  it("fails with PostgreSQL's error, its code and constraint, and keeps serving", async () => {
    const sql = 'INSERT INTO things (id, n) VALUES ($1, $2)';
    await expect(statements.query(sql, ['a', 1])).rejects.toMatchObject({ code: '23505', constraint: 'things_pkey' });
    await expect(statements.query('SELECT nope FROM things', [])).rejects.toMatchObject({ code: '42703' });
    expect(await statements.query(sql, ['c', 3])).toEqual([]);
    expect(await statements.query('SELECT n FROM things WHERE id = $1', ['c'])).toEqual([{ n: 3 }]);
  });

  it('forgets a statement whose result columns changed under it, and prepares it again on the next call', async () => {
    await db.exec('CREATE TABLE shapes (id text PRIMARY KEY)');
    const sql = 'SELECT * FROM shapes WHERE id = $1';
    expect(await statements.query(sql, ['x'])).toEqual([]);
    await db.exec(`ALTER TABLE shapes ADD COLUMN label text; INSERT INTO shapes VALUES ('x', 'X')`);
    await expect(statements.query(sql, ['x'])).rejects.toMatchObject({ code: '0A000' });
    expect(await statements.query(sql, ['x'])).toEqual([{ id: 'x', label: 'X' }]);
  });

  it("runs texts past its bound through PGlite's query without keeping them", async () => {
    for (let i = 0; i < 500; i++) await statements.query(`SELECT ${i} AS i WHERE $1::int = 1`, [1]);
    expect(statements.statements.size).toBe(500);
    expect(await statements.query('SELECT $1::int + 1 AS next', [41], true)).toEqual([{ next: 42 }]);
    await db.exec('ROLLBACK');
    expect(statements.statements.size).toBe(500);
  });
});
