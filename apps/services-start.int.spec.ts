import { startServiceProcess, type ServiceProcess, untilReady } from '@subledger/test-harness';

// Each service of distributed mode starts on its own, validates its configuration and serves /health
// (readiness: it listens first, and is ready once it has joined Kafka).
const services: { name: string; entry: string; env: Record<string, string>; checks: object }[] = [
  {
    name: 'gateway',
    entry: 'apps/gateway/src/main.ts',
    env: { ADMIN_TOKEN: 'x'.repeat(40) },
    checks: { postgres: { status: 'up' }, kafka: { status: 'up' } },
  },
  {
    name: 'accounts',
    entry: 'apps/accounts/src/main.ts',
    env: {},
    checks: { postgres: { status: 'up' }, kafka: { status: 'up' }, lag: { status: 'up' } },
  },
  {
    name: 'ledger',
    entry: 'apps/ledger/src/main.ts',
    env: {},
    checks: { postgres: { status: 'up' }, kafka: { status: 'up' }, lag: { status: 'up' } },
  },
];

describe.each(services)('$name service', ({ entry, env, checks }) => {
  let running: ServiceProcess | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  const baseEnv = () => ({
    PORT: '0',
    DATABASE_URL: process.env.DATABASE_URL as string,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS as string,
    LOG_LEVEL: 'info',
    ...env,
  });

  it('starts and answers /health', async () => {
    running = startServiceProcess(entry, baseEnv());
    const [, port] = await running.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 60000);
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    await untilReady(running, `http://127.0.0.1:${port}`, 60000);
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', details: checks });
  }, 90000);

  it('refuses a bad setting, naming it', async () => {
    running = startServiceProcess(entry, { ...baseEnv(), KAFKA_BROKERS: 'not a broker list' });
    await running.waitFor(/failed to start: .*"KAFKA_BROKERS" must be a comma-separated list of host:port/);
    expect(await running.exited()).toBe(1);
  }, 60000);
});
