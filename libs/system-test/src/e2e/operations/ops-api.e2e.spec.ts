import { randomBytes } from 'node:crypto';
import type { TestTeam } from '../../test-app/embedded-test-client';
import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

const US = '+14155550100';
const REASONS = ['account_inactive', 'credit_limit_exceeded', 'insufficient_balance'] as const;

interface TeamItem {
  id: string;
  name: string;
  createdAt: string;
  currency: string;
  balance: string;
  subAccounts: number;
  spend24h: string;
}

interface Minute {
  start: string;
  accepted: number;
  refunds: number;
  refused: Record<string, number>;
}

interface Activity {
  from: string;
  to: string;
  minutes: Minute[];
  projections: { name: string; projectedTo: string; lagEvents: number }[];
  kafka: { group: string; topic: string; partition: number; lag: number }[] | null;
}

/** Polls `read` until `done` holds, for up to 10 s (the projections follow the ledger asynchronously); answers the last reading. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
  }
}

/** The operator routes the ops dashboard reads (docs/decisions.md, "Operations dashboard"). */
describe(`operator routes of the ops dashboard (${testMode()})`, () => {
  const { client, testApp } = useTestApp({
    gateway: { rateLimitPerMinute: 1_000_000 },
    accounts: { carrier: { failureRate: 0 } },
  });
  const name = `Ops Widgets ${randomBytes(4).toString('hex')}`;
  let team: TestTeam;
  let sub: { id: string; apiKey: string };

  beforeAll(async () => {
    team = await client().createTeam(name);
    await client().topUp(team.teamId, 100);
    sub = await client().createSubAccount(team.mainKey, { name: 'First' });
    await client().createSubAccount(team.mainKey, { name: 'Second' });
    for (const text of ['one', 'two'])
      await client().as(team.mainKey, 'post', '/v1/messages').send({ to: US, text }).expect(202);
  });

  const teams = async (query: string): Promise<{ items: TeamItem[]; nextCursor: string | null }> =>
    (await client().admin('get', `/admin/v1/teams${query}`).expect(200)).body;
  const activity = async (query = ''): Promise<Activity> =>
    (await client().admin('get', `/admin/v1/activity${query}`).expect(200)).body;

  it('lists the team with its balance, sub-accounts and spend over the last 24 hours, and finds it by part of its name and by the start of its id', async () => {
    const search = `?search=${encodeURIComponent(name.slice(4).toUpperCase())}`;
    const found = await until(
      () => teams(search),
      (page) => page.items[0]?.spend24h === '0.0158',
    );
    expect(found).toEqual({
      items: [
        {
          id: team.teamId,
          name,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          currency: 'usd',
          balance: '0.9842',
          subAccounts: 2,
          spend24h: '0.0158',
        },
      ],
      nextCursor: null,
    });
    expect((await teams(`?search=${team.teamId.slice(0, 12)}`)).items.map((item) => item.id)).toContain(team.teamId);
    expect((await teams(`?search=${team.teamId}`)).items.map((item) => item.id)).toEqual([team.teamId]);
  });

  it('lists the newest team first, page by page', async () => {
    // The embedded clock stands still unless moved (the wall clock moves in distributed mode).
    if (testApp().mode === 'embedded') testApp().clock.advance(1_000);
    const newer = await client().createTeam(`${name} newer`);
    const first = await teams('?limit=1');
    expect(first.items.map((item) => item.id)).toEqual([newer.teamId]);
    expect(first.items[0]).toMatchObject({ balance: '0', subAccounts: 0, spend24h: '0' });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await teams(`?limit=1&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    expect(second.items.map((item) => item.id)).toEqual([team.teamId]);
  });

  it("shows each account's active keys in the team view", async () => {
    await client().as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/api-keys`).send({ name: 'Extra' }).expect(201);
    const { accounts } = (await client().admin('get', `/admin/v1/teams/${team.teamId}`).expect(200)).body as {
      accounts: { id: string; name: string; keys: number }[];
    };
    expect(accounts.map(({ name: accountName, keys }) => [accountName, keys])).toEqual([
      [name, 1],
      ['First', 2],
      ['Second', 1],
    ]);
  });

  it('reads the ledger newest first with the running balance', async () => {
    const newest = (await client().admin('get', `/admin/v1/teams/${team.teamId}/ledger?order=desc&limit=2`).expect(200))
      .body;
    expect(
      newest.items.map((entry: { type: string; amount: string; balanceAfter: string }) => [
        entry.type,
        entry.amount,
        entry.balanceAfter,
      ]),
    ).toEqual([
      ['ChargeAccepted', '-0.0079', '0.9842'],
      ['ChargeAccepted', '-0.0079', '0.9921'],
    ]);
    const rest = (
      await client()
        .admin('get', `/admin/v1/teams/${team.teamId}/ledger?order=desc&limit=100&cursor=${newest.nextCursor}`)
        .expect(200)
    ).body;
    const oldestFirst = (await client().admin('get', `/admin/v1/teams/${team.teamId}/ledger?limit=100`).expect(200))
      .body;
    expect([...newest.items, ...rest.items]).toEqual([...oldestFirst.items].reverse());
  });

  it('shows exactly the charges accepted and refused by reason that were sent, per minute, with the projections caught up', async () => {
    const sum = (view: Activity): Record<string, number> => ({
      accepted: view.minutes.reduce((total, minute) => total + minute.accepted, 0),
      refunds: view.minutes.reduce((total, minute) => total + minute.refunds, 0),
      ...Object.fromEntries(
        REASONS.map((reason) => [reason, view.minutes.reduce((total, minute) => total + minute.refused[reason], 0)]),
      ),
    });
    const before = sum(
      await until(
        () => activity(),
        (view) => view.projections.every((projection) => projection.lagEvents === 0),
      ),
    );
    // Team balance 2 cents, an SMS 0.79 cent: Capped (limit 1 cent) is accepted once, then refused
    // for its limit; Open is accepted once more, then refused for the balance.
    const poor = await client().createTeam(`${name} poor`);
    await client().topUp(poor.teamId, 2);
    const capped = await client().createSubAccount(poor.mainKey, { name: 'Capped', creditLimit: 1 });
    const open = await client().createSubAccount(poor.mainKey, { name: 'Open' });
    for (const [key, status] of [
      [capped.apiKey, 202],
      [capped.apiKey, 402],
      [open.apiKey, 202],
      [open.apiKey, 402],
    ] as const) {
      await client().as(key, 'post', '/v1/messages').send({ to: US, text: 'Hello' }).expect(status);
    }
    const expected = {
      ...before,
      accepted: before.accepted + 2,
      credit_limit_exceeded: before.credit_limit_exceeded + 1,
      insufficient_balance: before.insufficient_balance + 1,
    };
    const after = await until(
      () => activity(),
      (view) =>
        sum(view).accepted >= expected.accepted && view.projections.every((projection) => projection.lagEvents === 0),
    );
    expect(sum(after)).toEqual(expected);

    expect(after.minutes).toHaveLength(60);
    expect(Date.parse(after.to) - Date.parse(after.from)).toBe(60 * 60_000);
    expect(after.minutes.map((minute) => Date.parse(minute.start))).toEqual(
      after.minutes.map((_minute, i) => Date.parse(after.from) + i * 60_000),
    );
    for (const minute of after.minutes) expect(Object.keys(minute.refused).sort()).toEqual([...REASONS]);
    expect(after.projections.map(({ name: projection, lagEvents }) => [projection, lagEvents])).toEqual([
      ['ledger-usage', 0],
      ['ledger-activity', 0],
    ]);
    expect(after.projections.every((projection) => /^[1-9]\d*$/.test(projection.projectedTo))).toBe(true);
    expect((await activity('?minutes=1440')).minutes).toHaveLength(1440);
  });

  it("reports the Kafka consumer lag of the services' groups in distributed mode, and none in embedded mode", async () => {
    const { kafka } = await activity('?minutes=1');
    if (testMode() === 'embedded') {
      expect(kafka).toBeNull();
      return;
    }
    const groups = new Set((kafka ?? []).map((lag) => lag.group.replace(/^.*?(accounts|ledger)/, '$1')));
    expect([...groups].sort()).toEqual(['accounts', 'accounts-queries', 'ledger', 'ledger-queries']);
    for (const lag of kafka ?? [])
      expect(lag).toEqual({
        group: expect.any(String),
        topic: expect.any(String),
        partition: expect.any(Number),
        lag: expect.any(Number),
      });
    expect((kafka ?? []).some((lag) => lag.topic.endsWith('ledger.commands'))).toBe(true);
  });

  it.each([
    ['/admin/v1/teams?limit=0', 'limit'],
    ['/admin/v1/teams?limit=101', 'limit'],
    ['/admin/v1/teams?search=', 'search'],
    [`/admin/v1/teams?search=${'x'.repeat(101)}`, 'search'],
    ['/admin/v1/teams?cursor=garbage', 'cursor'],
    ['/admin/v1/teams?sort=name', 'sort'],
    ['/admin/v1/activity?minutes=0', 'minutes'],
    ['/admin/v1/activity?minutes=1441', 'minutes'],
    ['/admin/v1/activity?minutes=abc', 'minutes'],
    ['/admin/v1/activity?minutes=1.5', 'minutes'],
    ['/admin/v1/activity?team=x', 'team'],
    ['/admin/v1/teams/{team}/ledger?order=sideways', 'order'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const refused = await client().admin('get', path.replace('{team}', team.teamId)).expect(400);
    expect(refused.body).toMatchObject({
      code: 'invalid_request',
      details: { errors: expect.arrayContaining([expect.objectContaining({ path: field })]) },
    });
  });

  it('answers 401 without the operator token', async () => {
    for (const path of [
      '/admin/v1/teams',
      '/admin/v1/activity',
      `/admin/v1/teams/${team.teamId}`,
      `/admin/v1/teams/${team.teamId}/ledger?order=desc`,
    ]) {
      await client().http.get(path).expect(401);
      await client().as(team.mainKey, 'get', path).expect(401);
    }
  });
});
