import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { TestTeam } from '../../test-app/embedded-test-client';
import { type TestApp, testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';
import { parsePrometheusText, type Sample, total } from './prometheus-text';

const US = '+14155550100';
const DASHBOARD = join(__dirname, '../../../../../monitoring/grafana/dashboards/subledger.json');

/** The metric names a PromQL expression reads (ours and prom-client's end in these suffixes). */
const metricNamesIn = (expr: string): string[] =>
  expr.match(/\b[a-z_][a-z0-9_]*_(?:total|seconds|bytes|size|bucket|sum|count|lag|events)\b/g) ?? [];
/** Metrics of distributed mode only: there is no Kafka and no outbox relay in the embedded process. */
const DISTRIBUTED_ONLY = ['subledger_kafka_consumer_lag', 'subledger_outbox_relay_lag_events'];
const RATE_LIMIT = 20;

/** Every process's `/metrics`: the one embedded app, or the gateway, accounts and ledger processes. */
async function scrape(testApp: TestApp): Promise<Sample[]> {
  const targets =
    testApp.mode === 'embedded'
      ? [testApp.http]
      : [...testApp.stack.urls.gateway, ...testApp.stack.urls.accounts, ...testApp.stack.urls.ledger];
  const scrapes = await Promise.all(targets.map((target) => request(target).get('/metrics').expect(200)));
  return scrapes.flatMap((scraped) => parsePrometheusText(scraped.text));
}

/** Docs: docs/deployment.md, "Metrics". Counters are compared before and after, since a process keeps its registry. */
describe(`Prometheus metrics (${testMode()})`, () => {
  const { testApp, client } = useTestApp({
    gateway: { rateLimitPerMinute: RATE_LIMIT },
    accounts: { carrier: { failureRate: 0 } },
  });
  let team: TestTeam;

  beforeEach(async () => {
    team = await client().createTeam();
    await client().topUp(team.teamId, 2);
  });

  it("serves each process's metrics in Prometheus' text format, Node's own among them, each series naming its service", async () => {
    const response = await request(testApp().http).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheusText(response.text);
    const service = testMode() === 'embedded' ? 'embedded' : 'gateway';
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(samples.filter((sample) => sample.name === name && sample.labels.service === service)).not.toHaveLength(0);
    }
  });

  it('counts the charges accepted and refused by reason, the ledger batches, the requests by route and status, and the replays, by exactly what was sent', async () => {
    const capped = await client().createSubAccount(team.mainKey, { name: 'Capped', creditLimit: 1 });
    const open = await client().createSubAccount(team.mainKey, { name: 'Open' });
    const before = await scrape(testApp());
    const send = (key: string, idempotencyKey: string) =>
      client().as(key, 'post', '/v1/messages').set('Idempotency-Key', idempotencyKey).send({ to: US, text: 'Hello' });

    // Team balance 2 cents, an SMS 0.79 cent: Capped (limit 1 cent) is accepted once, then refused
    // for its limit; Open is accepted once more, then refused for the balance.
    await send(capped.apiKey, 'c1').expect(202);
    await send(capped.apiKey, 'c2').expect(402);
    await send(open.apiKey, 'o1').expect(202);
    await send(open.apiKey, 'o2').expect(402);
    const replayed = await send(open.apiKey, 'o1').expect(202);
    expect(replayed.headers['idempotent-replayed']).toBe('true');

    const after = await scrape(testApp());
    const moved = (name: string, labels: Record<string, string> = {}) =>
      total(after, name, labels) - total(before, name, labels);
    expect({
      accepted: moved('subledger_charges_total', { outcome: 'accepted' }),
      overLimit: moved('subledger_charges_total', { outcome: 'refused', reason: 'credit_limit_exceeded' }),
      overBalance: moved('subledger_charges_total', { outcome: 'refused', reason: 'insufficient_balance' }),
      inactive: moved('subledger_charges_total', { outcome: 'refused', reason: 'account_inactive' }),
      commandsCommitted: moved('subledger_ledger_batch_size_sum'),
      replays: moved('subledger_idempotent_replays_total', { route: '/v1/messages' }),
      answered202: moved('http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/messages',
        status_code: '202',
      }),
      answered402: moved('http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/messages',
        status_code: '402',
      }),
    }).toEqual({
      accepted: 2,
      overLimit: 1,
      overBalance: 1,
      inactive: 0,
      commandsCommitted: 4,
      replays: 1,
      answered202: 3,
      answered402: 2,
    });
    expect(moved('subledger_ledger_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('subledger_ledger_commit_duration_seconds_count')).toBeLessThanOrEqual(4);
  });

  it('counts requests refused by the rate limit, and a route no request matched under one label', async () => {
    const before = await scrape(testApp());
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) statuses.push((await client().as(team.mainKey, 'get', '/v1/balance')).status);
    await request(testApp().http).get(`/no/such/route/${Date.now()}`).expect(404);

    const after = await scrape(testApp());
    const moved = (name: string, labels: Record<string, string> = {}) =>
      total(after, name, labels) - total(before, name, labels);
    const refused = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(moved('subledger_rate_limited_requests_total', { caller: 'api_key' })).toBe(refused);
    expect(moved('http_request_duration_seconds_count', { route: '/v1/balance', status_code: '429' })).toBe(refused);
    expect(moved('http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(after.some((sample) => sample.labels.route?.startsWith('/no/such'))).toBe(false);
  });

  it('says how many events the usage projection has still to read, down to 0 once it has caught up', async () => {
    for (let i = 0; i < 3; i++)
      await client()
        .as(team.mainKey, 'post', '/v1/messages')
        .send({ to: US, text: 'Hello' })
        .expect(i < 2 ? 202 : 402);
    let lag: Sample[] = [];
    for (
      const deadline = Date.now() + 10_000;
      Date.now() < deadline;
      await new Promise((resolve) => setTimeout(resolve, 100))
    ) {
      lag = (await scrape(testApp())).filter(
        (sample) => sample.name === 'subledger_projection_lag_events' && sample.labels.projection === 'ledger-usage',
      );
      if (lag.length > 0 && lag.every((sample) => sample.value === 0)) break;
    }
    expect(lag.map((sample) => sample.value)).toEqual([0]);
  });

  it("shows each service's Kafka consumer lag per partition and the outbox relay's lag, down to 0 once what was sent is handled (distributed mode; embedded mode has neither)", async () => {
    for (let i = 0; i < 3; i++)
      await client()
        .as(team.mainKey, 'post', '/v1/messages')
        .send({ to: US, text: 'Hello' })
        .expect(i < 2 ? 202 : 402);
    const lagSamples = (samples: Sample[]) =>
      samples.filter((sample) =>
        ['subledger_kafka_consumer_lag', 'subledger_outbox_relay_lag_events'].includes(sample.name),
      );
    if (testApp().mode === 'embedded') {
      expect(lagSamples(await scrape(testApp()))).toEqual([]);
      return;
    }
    const prefix = testApp().stack.topicPrefix;
    const groupsOf = (samples: Sample[], service: string) =>
      [
        ...new Set(
          samples
            .filter((sample) => sample.labels.service === service)
            .map((sample) => `${sample.labels.group} ${sample.labels.topic}`),
        ),
      ].sort();
    let lags: Sample[] = [];
    // The consumer lag is read from the broker every 5 s.
    for (
      const deadline = Date.now() + 20_000;
      Date.now() < deadline;
      await new Promise((resolve) => setTimeout(resolve, 250))
    ) {
      lags = lagSamples(await scrape(testApp()));
      const consumer = lags.filter((sample) => sample.name === 'subledger_kafka_consumer_lag');
      if (
        groupsOf(consumer, 'ledger').length === 2 &&
        groupsOf(consumer, 'accounts').length === 2 &&
        lags.every((sample) => sample.value === 0)
      )
        break;
    }
    const consumer = lags.filter((sample) => sample.name === 'subledger_kafka_consumer_lag');
    expect({
      ledger: groupsOf(consumer, 'ledger'),
      accounts: groupsOf(consumer, 'accounts'),
      gateway: groupsOf(consumer, 'gateway'),
    }).toEqual({
      ledger: [`${prefix}ledger ${prefix}ledger.commands`, `${prefix}ledger-queries ${prefix}ledger.queries`],
      accounts: [`${prefix}accounts ${prefix}accounts.commands`, `${prefix}accounts-queries ${prefix}accounts.queries`],
      gateway: [],
    });
    expect(consumer.filter((sample) => sample.labels.topic === `${prefix}ledger.commands`).length).toBeGreaterThan(1); // one series per partition
    expect(
      lags
        .filter((sample) => sample.name === 'subledger_outbox_relay_lag_events')
        .map((sample) => [sample.labels.service, sample.value]),
    ).toEqual([['ledger', 0]]);
    expect(lags.filter((sample) => sample.value !== 0)).toEqual([]);
  });

  it('exports every metric that the Grafana dashboard kept in the repository queries', async () => {
    const send = () =>
      client()
        .as(team.mainKey, 'post', '/v1/messages')
        .set('Idempotency-Key', 'dashboard')
        .send({ to: US, text: 'Hello' });
    await send().expect(202);
    await send().expect(202);
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const queried = new Set(
      dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => metricNamesIn(target.expr))),
    );
    const exported = new Set((await scrape(testApp())).map((sample) => sample.name));
    if (testApp().mode === 'embedded') for (const name of DISTRIBUTED_ONLY) queried.delete(name);
    expect(queried.size).toBeGreaterThanOrEqual(testApp().mode === 'embedded' ? 9 : 11);
    expect([...queried].filter((name) => !exported.has(name))).toEqual([]);
  });
});
