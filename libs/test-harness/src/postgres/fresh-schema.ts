import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface FreshSchema {
  name: string;
  drop(): Promise<void>;
}

// The database of this test run, created by the integration global setup.
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: run integration tests with jest.int.config.js, whose global setup creates the database.',
    );
  }
  return url;
}

// Gives a test file its own empty schema in the run's database, so files running in parallel never
// see each other's tables. Cheaper than a database per file.
export async function freshSchema(databaseUrl: string = testDatabaseUrl()): Promise<FreshSchema> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(databaseUrl, (client) => client.query(`CREATE SCHEMA ${name}`));
  return {
    name,
    drop: () =>
      withClient(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => undefined),
  };
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
