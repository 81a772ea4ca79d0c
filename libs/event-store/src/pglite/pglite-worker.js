// The thread that owns a PGlite database for PgliteWorkerSqlClient (pglite-worker-sql-client.ts).
// Plain JavaScript, so that the same file runs from the sources (tests) and from dist/.
// Messages in: { id, op: 'query', sql, params, begin } | { id, op: 'exec', sql } | { id, op: 'close' }.
// `begin` opens a transaction before the query, saving the round trip of a BEGIN of its own; 'exec'
// runs a statement without parameters through the simple protocol (COMMIT, ROLLBACK, SAVEPOINT).
// Messages out: { id, rows } | { id, error: { message, code, detail, constraint, ... } }.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require('@electric-sql/pglite');

const ERROR_FIELDS = ['code', 'detail', 'hint', 'constraint', 'schema', 'table', 'column', 'severity', 'position', 'where'];

function plainError(error) {
  const plain = { message: error instanceof Error ? error.message : String(error) };
  for (const field of ERROR_FIELDS) if (error && error[field] !== undefined) plain[field] = error[field];
  return plain;
}

const opened = PGlite.create(workerData.dataDir);

parentPort.on('message', async ({ id, op, sql, params, begin }) => {
  try {
    const db = await opened;
    if (op === 'close') {
      await db.close();
      parentPort.postMessage({ id, rows: [] });
      parentPort.close();
      return;
    }
    if (op === 'exec') {
      await db.exec(sql);
      parentPort.postMessage({ id, rows: [] });
      return;
    }
    if (begin) await db.exec('BEGIN');
    const result = await db.query(sql, params);
    parentPort.postMessage({ id, rows: result.rows });
  } catch (error) {
    parentPort.postMessage({ id, error: plainError(error) });
  }
});
