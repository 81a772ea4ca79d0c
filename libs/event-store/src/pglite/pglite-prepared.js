// Statements with parameters, run on PGlite through named prepared statements (used by
// pglite-worker.js; plain JavaScript for the same reason).
//
// PGlite's own `query` parses, describes and plans the statement on every call and crosses into
// its WebAssembly six times (parse, describe, bind, describe, execute, sync). Here a statement is
// parsed and described once, the first time its text is seen, and every later call is one crossing:
// bind, execute and sync in one buffer, with the transaction's BEGIN in front when asked for.
// Each call is still planned for its values (PLAN_EVERY_TIME below). Measured on PGlite 0.5 in one
// thread: a primary-key read and the event store's insert each take about half the time `query`
// takes (docs/performance.md, "Prepared statements on PGlite").
//
// Values are serialized and rows parsed by PGlite's own serializers and parsers, so what a caller
// gets is what `query` gives. Statement texts are few and fixed; past MAX_STATEMENTS distinct
// texts, the rest go through `query`, so that a caller building texts cannot grow the cache.
'use strict';
const { parse, protocol } = require('@electric-sql/pglite');

const MAX_STATEMENTS = 500;
// PostgreSQL refuses a prepared statement whose result columns changed under it (a migration).
const CACHED_PLAN_CHANGED = '0A000';
const serialize = protocol.serialize;
// A prepared statement is still planned for the values of each call. After five calls PostgreSQL
// may keep one generic plan instead, chosen from the table's statistics at that moment; PGlite runs
// no autovacuum, so a plan chosen while a table was small (a scan of the whole table) would never be
// replaced as the table grows. Measured: the read of message states went from 0.9 to 4.3 ms.
const PLAN_EVERY_TIME = 'SET plan_cache_mode = force_custom_plan';
// Statement names are never reused, not even by another instance on the same database: a statement
// dropped from a map still exists in the session.
let prepared = 0;

class PreparedStatements {
  /** Statements on `db`, always planned for their values (see PLAN_EVERY_TIME). */
  static async on(db) {
    await db.exec(PLAN_EVERY_TIME);
    return new PreparedStatements(db);
  }

  constructor(db) {
    this.db = db;
    this.statements = new Map();
  }

  /** The rows of `sql` run with `params`; `begin` opens a transaction first, in the same crossing. */
  async query(sql, params = [], begin = false) {
    const db = this.db;
    let statement = this.statements.get(sql);
    if (statement === undefined && this.statements.size >= MAX_STATEMENTS) {
      if (begin) await db.exec('BEGIN');
      return (await db.query(sql, params)).rows;
    }
    // The BEGIN goes with the first call into PGlite: the preparation's, when there is one.
    let opening = begin ? [serialize.query('BEGIN')] : [];
    if (statement === undefined) {
      statement = await this.prepare(sql, opening);
      opening = [];
    }
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const toText = db.serializers[statement.parameterTypes[i]];
      return toText ? toText(param) : param.toString();
    });
    let messages;
    try {
      ({ messages } = await db.execProtocol(
        Buffer.concat([
          ...opening,
          serialize.bind({ statement: statement.name, values }),
          serialize.execute({}),
          serialize.sync(),
        ]),
        { syncToFs: false },
      ));
    } catch (error) {
      if (error && error.code === CACHED_PLAN_CHANGED) this.statements.delete(sql);
      throw error;
    }
    await this.syncWhenIdle(messages);
    return rowsOf(messages, statement.fields, db.parsers);
  }

  /** Parses and describes `sql` under a new name; `opening` (a BEGIN) runs first. */
  async prepare(sql, opening) {
    const name = `subledger_${++prepared}`;
    const { messages } = await this.db.execProtocol(
      Buffer.concat([
        ...opening,
        serialize.parse({ name, text: sql }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const parameters = messages.find((message) => message.name === 'parameterDescription');
    const statement = {
      name,
      parameterTypes: parameters ? parameters.dataTypeIDs : [],
      // null when the statement returns no rows (the describe answered NoData).
      fields: messages.find((message) => message.name === 'rowDescription') ?? null,
    };
    this.statements.set(sql, statement);
    return statement;
  }

  /** As PGlite's `query` does: outside a transaction, its file system is synced after each statement. */
  async syncWhenIdle(messages) {
    const ready = messages.findLast((message) => message.name === 'readyForQuery');
    if (ready && ready.status === 'I') await this.db.syncToFs();
  }
}

/** The rows of the statement's result: its cached row description put where a describe would have answered. */
function rowsOf(messages, fields, parsers) {
  if (fields === null) return [];
  const described = [];
  for (const message of messages) {
    described.push(message);
    if (message.name === 'bindComplete') described.push(fields);
  }
  const results = parse.parseResults(described, parsers);
  return results[results.length - 1].rows;
}

module.exports = { PreparedStatements };
