import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type DistributedStack, startDistributedStack } from '@subledger/test-harness';
import request from 'supertest';

const US = '+14155550100';
const ROOT = join(__dirname, '../../../../..');

interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string }[] }[];
  }[];
}

/** A collector of OTLP over HTTP with JSON bodies (OTEL_EXPORTER_OTLP_PROTOCOL=http/json), keeping every span it receives. */
async function startCollector(): Promise<{ url: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as OtlpJson;
        for (const { resource, scopeSpans } of body.resourceSpans ?? []) {
          const service =
            resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
          for (const scope of scopeSpans ?? []) {
            for (const span of scope.spans ?? [])
              spans.push({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? '',
                name: span.name,
              });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The OpenTelemetry modules the compiled tracing entry has loaded once asked to start with `env`. */
async function modulesLoadedBy(env: Record<string, string>): Promise<string[]> {
  const script = `require('./dist/libs/platform/src/tracing').startTracing('probe');
    const loaded = Object.keys(require.cache).filter((path) => path.includes('@opentelemetry')).map((path) => path.split('node_modules/')[1].split('/').slice(0, 2).join('/'));
    process.stdout.write(JSON.stringify([...new Set(loaded)].sort()));
    process.exit(0);`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OTEL_')));
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { ...clean, ...env },
  });
  return JSON.parse(stdout) as string[];
}

/** docs/deployment.md, "Tracing": switched on by the OTEL_* environment, one trace through the services. */
describe('OpenTelemetry tracing across the distributed processes', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let stack: DistributedStack | undefined;

  beforeAll(async () => {
    collector = await startCollector();
    stack = await startDistributedStack({
      env: {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await collector.close();
  });

  it("continues one request's trace from the gateway through the ledger and accounts, over Kafka, down to the ledger's commit", async () => {
    const url = (stack as DistributedStack).gatewayUrls()[0];
    const admin = (path: string) =>
      request(url)
        .post(path)
        .set('Authorization', `Bearer ${(stack as DistributedStack).adminToken}`);
    const team = (await admin('/admin/v1/teams').send({ name: 'Traced' }).expect(201)).body;
    await admin(`/admin/v1/teams/${team.team.id}/top-ups`)
      .set('Idempotency-Key', 'traced')
      .send({ amount: 100 })
      .expect(201);
    const traceId = randomBytes(16).toString('hex');

    await request(url)
      .post('/v1/messages')
      .set('Authorization', `Bearer ${team.apiKey.key}`)
      .set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`)
      .send({ to: US, text: 'Traced' })
      .expect(202);

    const wanted = [
      'subledger-gateway POST',
      'subledger-ledger handle ledger.commands',
      'subledger-ledger ledger commit',
      'subledger-accounts handle accounts.commands',
    ];
    const ours = () =>
      collector.spans.filter((span) => span.traceId === traceId).map((span) => `${span.service} ${span.name}`);
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && !wanted.every((name) => ours().includes(name));)
      await new Promise((resolve) => setTimeout(resolve, 200));

    await new Promise((resolve) => setTimeout(resolve, 500)); // spans ended meanwhile, exported every 100 ms
    expect(ours()).toEqual(expect.arrayContaining(wanted));
    expect(ours().some((name) => /^subledger-gateway send .*ledger\.commands$/.test(name))).toBe(true);
    // Each span of the trace hangs from another of it: the trace is one tree, Kafka hops included.
    const spans = collector.spans.filter((span) => span.traceId === traceId);
    const ids = new Set(spans.map((span) => span.spanId));
    const roots = spans.filter((span) => !ids.has(span.parentSpanId));
    expect(roots.map((span) => `${span.service} ${span.name}`)).toEqual(['subledger-gateway POST']);
  });

  it('loads no OpenTelemetry SDK or instrumentation when no exporter is asked for, and loads them when one is', async () => {
    expect(await modulesLoadedBy({})).toEqual([]);
    expect(await modulesLoadedBy({ OTEL_TRACES_EXPORTER: 'none' })).toEqual([]);
    expect(await modulesLoadedBy({ OTEL_TRACES_EXPORTER: 'console' })).toEqual(
      expect.arrayContaining(['@opentelemetry/sdk-node', '@opentelemetry/instrumentation-kafkajs']),
    );
  });
});
