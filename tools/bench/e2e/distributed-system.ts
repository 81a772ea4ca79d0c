import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createTestDatabase, startDistributedStack, startKafkaBroker } from '@subledger/test-harness';
import { Client } from 'pg';
import type { Cleanup } from './cleanup';
import { findDescendant } from './process-usage';
import { SERVICE_ENV, type SystemUnderTest } from './system-under-test';

/**
 * Distributed mode: a local Kafka broker and a fresh PostgreSQL database from the test harness
 * (KAFKA_BROKERS or DATABASE_URL in the environment name existing ones instead), then the three
 * services from their compiled output, started as the distributed tests start them.
 */
export async function startDistributedSystem(
  cleanup: Cleanup,
  nodeArgs: readonly string[] = [],
): Promise<SystemUnderTest> {
  const broker = await startKafkaBroker();
  const stopBroker = cleanup.add('Kafka broker', () => broker.stop());
  const database = await createTestDatabase();
  const dropDatabase = cleanup.add('database', () => database.drop());
  const stack = await withStackEnvironment(database.url, broker.brokers.join(','), () =>
    startDistributedStack({ env: SERVICE_ENV, nodeArgs }),
  );
  const stopStack = cleanup.add('services', () => stack.stop());
  const kafkaPid = findDescendant(
    process.pid,
    ([command, ...args]) => basename(command) === 'java' && args.includes('kafka.Kafka'),
  );
  const pid = (name: string, child: { process: { child: { pid?: number } } }): [string, number] => [
    name,
    child.process.child.pid ?? 0,
  ];
  const ledger = stack.ledgers[0];
  if (!ledger) throw new Error('the stack started no ledger');
  return {
    mode: 'distributed',
    url: stack.gatewayUrls()[0],
    adminToken: stack.adminToken,
    pids: Object.fromEntries([
      pid('gateway', stack.gateways[0]),
      pid('accounts', stack.accounts),
      pid('ledger', ledger),
      ...(kafkaPid === null ? [] : [['kafka', kafkaPid] as [string, number]]),
    ]),
    versions: {
      postgres: await postgresVersion(database.url),
      kafka: kafkaPid === null ? 'external broker' : kafkaVersionOf(kafkaPid),
    },
    logs: () => ({
      gateway: stack.gateways[0].process.output(),
      accounts: stack.accounts.process.output(),
      ledger: ledger.process.output(),
    }),
    stop: async () => {
      await stopStack();
      await dropDatabase();
      await stopBroker();
    },
  };
}

/** The stack reads the run's database and broker from the environment, where the Jest setup puts them. */
async function withStackEnvironment<T>(databaseUrl: string, brokers: string, start: () => Promise<T>): Promise<T> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, KAFKA_BROKERS: process.env.KAFKA_BROKERS };
  Object.assign(process.env, { DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers });
  try {
    return await start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** The version in the name of the kafka-server jar on the broker's class path. */
function kafkaVersionOf(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const classPath = args[args.indexOf('-cp') + 1] ?? '';
  const jar = readdirSync(dirname(classPath)).find((name) => /^kafka-server-[\d.]+\.jar$/.test(name));
  return jar?.replace(/^kafka-server-|\.jar$/g, '') ?? 'unknown';
}
