import { readFileSync } from 'node:fs';
import type { SqlClient } from '@subledger/event-store';

/** CPU seconds of this process and of the PostgreSQL backends serving one application name. */
export interface CpuSample {
  readonly node: number;
  /** Null when the backends' /proc entries cannot be read (a server on another host). */
  readonly database: number | null;
}

// Linux's /proc/<pid>/stat counts in clock ticks, 100 per second on every common configuration.
const TICKS_PER_SECOND = 100;

/**
 * Read before and after a measured stretch, the difference says where the time went, which wall
 * clocks on a shared machine do not: the writer's own work in Node and its statements' work in the
 * server, whatever else runs on the cores.
 */
export async function sampleCpu(sql: Pick<SqlClient, 'query'>, applicationName: string): Promise<CpuSample> {
  const { user, system } = process.cpuUsage();
  const { rows } = await sql.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
    applicationName,
  ]);
  let ticks = 0;
  try {
    for (const { pid } of rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return { node: (user + system) / 1e6, database: null };
  }
  return { node: (user + system) / 1e6, database: ticks / TICKS_PER_SECOND };
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  const database = before.database === null || after.database === null ? null : after.database - before.database;
  return { node: after.node - before.node, database };
}
