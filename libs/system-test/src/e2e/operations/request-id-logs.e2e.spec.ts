import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { freshEmbeddedDataDir } from '@subledger/event-store/testing';
import { startDistributedStack, startServiceProcess } from '@subledger/test-harness';
import request from 'supertest';
import { testMode } from '../../test-app/test-app';

const ENTRY = 'apps/embedded/src/main.ts';
const BANNER = /listening on (http:\/\/\S+)[\s\S]*Admin token \([^)]*\): (\S+)/;
const US = '+14155550100';

interface LogLine {
  readonly process: string;
  readonly reqId?: string;
  readonly reqIds?: string[];
  readonly context?: string;
  readonly msg?: string;
}

interface LoggingApp {
  readonly url: string;
  readonly adminToken: string;
  /** Every JSON line each process printed, named by its process (`embedded`, `gateway#0`, ...). */
  lines(): LogLine[];
  stop(): Promise<void>;
}

function jsonLines(processName: string, output: string): LogLine[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [{ ...(JSON.parse(line) as Omit<LogLine, 'process'>), process: processName }];
    } catch {
      return [];
    }
  });
}

/** The embedded process, or the three distributed processes, at debug level. */
async function startLoggingApp(): Promise<LoggingApp> {
  const env = { LOG_LEVEL: 'debug', DELIVERY_STEP_DELAY_MS: '0', DELIVERY_FAILURE_RATE: '0' };
  if (testMode() === 'distributed') {
    const stack = await startDistributedStack({ env });
    const processes = () => [
      ...stack.gateways,
      stack.accounts,
      ...stack.ledgers.flatMap((ledger) => (ledger ? [ledger] : [])),
    ];
    return {
      url: stack.gatewayUrls()[0],
      adminToken: stack.adminToken,
      lines: () => processes().flatMap((p) => jsonLines(`${p.name}#${p.replica}`, p.process.output())),
      stop: () => stack.stop(),
    };
  }
  const dataDir = await freshEmbeddedDataDir('subledger-request-id-logs-');
  const running = startServiceProcess(ENTRY, { DATA_DIR: dataDir, PORT: '0', ...env });
  const stop = async () => {
    await running.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const [, url, adminToken] = await running.waitFor(BANNER, 90_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, adminToken, lines: () => jsonLines('embedded', running.output()), stop };
}

const names = (line: LogLine, id: string) => line.reqId === id || (line.reqIds ?? []).includes(id);

/** docs/decisions.md, "Request ids": the id of a request is on the log lines of every service that serves it. */
describe(`request ids in the logs of the ${testMode() === 'distributed' ? 'distributed processes' : 'embedded process'}`, () => {
  let app: LoggingApp | undefined;

  beforeAll(async () => {
    app = await startLoggingApp();
  }, 120_000);

  afterAll(() => app?.stop());

  it("puts a send's X-Request-Id on the gateway's line for it and on the lines that handle its messages in accounts and the ledger", async () => {
    const { url, adminToken } = app as LoggingApp;
    const admin = (method: 'post', path: string) =>
      request(url)[method](path).set('Authorization', `Bearer ${adminToken}`);
    const team = (await admin('post', '/admin/v1/teams').send({ name: 'Traced' }).expect(201)).body;
    await admin('post', `/admin/v1/teams/${team.team.id}/top-ups`)
      .set('Idempotency-Key', 'traced-top-up')
      .send({ amount: 100 })
      .expect(201);
    const id = `logs-${randomBytes(6).toString('hex')}`;

    await request(url)
      .post('/v1/messages')
      .set('Authorization', `Bearer ${team.apiKey.key}`)
      .set('X-Request-Id', id)
      .send({ to: US, text: 'Traced' })
      .expect(202);

    const distributed = testMode() === 'distributed';
    const from = (line: LogLine, service: string) =>
      distributed ? line.process.startsWith(`${service}#`) : line.process === 'embedded';
    const handled = (line: LogLine, service: string, topic: string, group: string) =>
      from(line, service) &&
      line.context?.startsWith('bus:') === true &&
      new RegExp(`^Handling \\d+ messages? of ${topic.replace('.', '\\.')} for group ${group}$`).test(line.msg ?? '');
    const findIn = (ours: LogLine[]) => ({
      gateway: ours.some((line) => from(line, 'gateway') && line.msg === 'request completed'),
      accounts: ours.some((line) => handled(line, 'accounts', 'accounts.commands', 'accounts')),
      ledger: ours.some((line) => handled(line, 'ledger', 'ledger.commands', 'ledger')),
    });
    // The lines reach this process through the children's pipes, a moment after the answer.
    let ours: LogLine[] = [];
    for (
      const deadline = Date.now() + 15_000;
      Date.now() < deadline;
      await new Promise((resolve) => setTimeout(resolve, 200))
    ) {
      ours = (app as LoggingApp).lines().filter((line) => names(line, id));
      if (Object.values(findIn(ours)).every(Boolean)) break;
    }
    const found = findIn(ours);
    expect({ found, lines: Object.values(found).every(Boolean) ? [] : ours }).toEqual({
      found: { gateway: true, accounts: true, ledger: true },
      lines: [],
    });
  }, 60_000);
});
