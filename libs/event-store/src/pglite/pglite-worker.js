// The thread that owns a PGlite database for PgliteWorkerSqlClient (pglite-worker-sql-client.ts).
// Plain JavaScript, so that the same file runs from the sources (tests) and from dist/.
// Messages in: { id, op: 'query', sql, params, begin } | { id, op: 'exec', sql } | { id, op: 'close' }.
// 'query' runs one statement as a prepared statement (pglite-prepared.js); `begin` opens a
// transaction before it in the same call, saving the round trip of a BEGIN of its own. 'exec' runs
// statements without parameters through the simple protocol (COMMIT, ROLLBACK, a migration's
// script) and answers the rows of the last one.
// Messages out: { id, rows } | { id, error: { message, code, detail, constraint, ... } }.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require('@electric-sql/pglite');
const { PreparedStatements } = require('./pglite-prepared');

const ERROR_FIELDS = [
  'code',
  'detail',
  'hint',
  'constraint',
  'schema',
  'table',
  'column',
  'severity',
  'position',
  'where',
];

function plainError(error) {
  const plain = { message: error instanceof Error ? error.message : String(error) };
  for (const field of ERROR_FIELDS) if (error && error[field] !== undefined) plain[field] = error[field];
  return plain;
}

const opened = PGlite.create(workerData.dataDir).then(async (db) => ({
  db,
  statements: await PreparedStatements.on(db),
}));

// Messages run strictly one after another, in the order they arrived: the client hands the
// connection to the next transaction as soon as it has sent a COMMIT, relying on this order.
let previous = Promise.resolve();
parentPort.on('message', (message) => {
  previous = previous.then(() => run(message));
});

async function run({ id, op, sql, params, begin }) {
  try {
    const { db, statements } = await opened;
    if (op === 'close') {
      await db.close();
      parentPort.postMessage({ id, rows: [] });
      parentPort.close();
      return;
    }
    if (op === 'exec') {
      const results = await db.exec(sql);
      parentPort.postMessage({ id, rows: results.length > 0 ? results[results.length - 1].rows : [] });
      return;
    }
    parentPort.postMessage({ id, rows: await statements.query(sql, params, begin) });
  } catch (error) {
    parentPort.postMessage({ id, error: plainError(error) });
  }
}
