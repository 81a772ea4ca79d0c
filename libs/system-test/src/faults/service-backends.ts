import { Client } from 'pg';

/**
 * Terminates every backend connected to the database of `databaseUrl` but the one asking: every
 * pooled connection of every service, idle or in the middle of a transaction. Returns how many.
 */
export async function terminateServiceBackends(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ terminated: string }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::text AS terminated
         FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return Number(rows[0].terminated);
  } finally {
    await client.end();
  }
}
