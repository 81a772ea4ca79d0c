import type { TestTeam } from '../../test-app/embedded-test-client';
import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

const US = '+14155550100';

interface Bucket {
  start: string;
  charges: number;
  refunds: number;
  refusals: number;
  spend: string;
}

/** GET /admin/v1/teams/:id/usage (docs/decisions.md, "Usage history"), fed by the usage projection. */
describe(`usage history (${testMode()})`, () => {
  const { client } = useTestApp({ accounts: { carrier: { failureRate: 0 } } });
  let team: TestTeam;

  beforeEach(async () => {
    team = await client().createTeam();
    await client().topUp(team.teamId, 100);
  });

  const usage = (query = '') => client().admin('get', `/admin/v1/teams/${team.teamId}/usage${query}`);
  const sum = (buckets: Bucket[], field: 'charges' | 'refunds' | 'refusals') =>
    buckets.reduce((total, bucket) => total + bucket[field], 0);

  /** The projection follows the ledger a moment behind: polls until it shows `charges` charges. */
  async function usageShowing(charges: number, query = ''): Promise<{ buckets: Bucket[]; granularity: string }> {
    for (const deadline = Date.now() + 15_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const body = (await usage(query).expect(200)).body;
      if (sum(body.buckets, 'charges') >= charges || Date.now() > deadline) return body;
    }
  }

  it("counts a team's charges, refusals and spend per hour, over the last day by default, and per account on request", async () => {
    const capped = await client().createSubAccount(team.mainKey, { name: 'Capped', creditLimit: 1 });
    await client().as(capped.apiKey, 'post', '/v1/messages').send({ to: US, text: 'one' }).expect(202);
    await client().as(capped.apiKey, 'post', '/v1/messages').send({ to: US, text: 'two' }).expect(402);
    await client().as(team.mainKey, 'post', '/v1/messages').send({ to: US, text: 'three' }).expect(202);

    const body = await usageShowing(2);
    expect(body.granularity).toBe('hour');
    expect(body.buckets).toHaveLength(24);
    expect({
      charges: sum(body.buckets, 'charges'),
      refusals: sum(body.buckets, 'refusals'),
      refunds: sum(body.buckets, 'refunds'),
    }).toEqual({ charges: 2, refusals: 1, refunds: 0 });
    // The sends may straddle the turn of an hour (distributed mode reads the wall clock): sums, and the newest buckets.
    const active = body.buckets.filter((bucket) => bucket.charges + bucket.refusals > 0);
    expect(active.map((bucket) => bucket.spend).sort()).toEqual(
      active.length === 1 ? ['0.0158'] : ['0.0079', '0.0079'],
    );
    expect(body.buckets.slice(-2)).toEqual(expect.arrayContaining([active.at(-1)]));

    const capOnly = await usageShowing(1, `?accountId=${capped.id}&granularity=day`);
    expect(capOnly.buckets).toHaveLength(30);
    expect({
      charges: sum(capOnly.buckets, 'charges'),
      refusals: sum(capOnly.buckets, 'refusals'),
      refunds: sum(capOnly.buckets, 'refunds'),
    }).toEqual({ charges: 1, refusals: 1, refunds: 0 });
    expect(capOnly.buckets.filter((bucket) => bucket.charges > 0).map((bucket) => bucket.spend)).toEqual(['0.0079']);
  });

  it('answers every bucket of an explicit range, empty ones as zeros', async () => {
    const body = (await usage('?from=2025-01-01T00:30:00Z&to=2025-01-01T03:00:00Z').expect(200)).body;
    expect(body).toMatchObject({
      teamId: team.teamId,
      granularity: 'hour',
      from: '2025-01-01T00:30:00.000Z',
      to: '2025-01-01T03:00:00.000Z',
    });
    expect(body.buckets).toEqual(
      ['00', '01', '02'].map((hour) => ({
        start: `2025-01-01T${hour}:00:00.000Z`,
        charges: 0,
        refunds: 0,
        refusals: 0,
        spend: '0',
      })),
    );
    expect(body.projectedTo).toMatch(/^\d+$/);
  });

  it.each([
    ['an unknown granularity', '?granularity=week', 'granularity'],
    ['a date that is not ISO 8601', '?from=yesterday', 'from'],
    ['from after to', '?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z', 'from'],
    ['more than 744 buckets', '?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z', 'to'],
    ['an unknown parameter', '?limit=5', 'limit'],
  ])('refuses %s with 400 naming the parameter', async (_case, query, field) => {
    const refused = await usage(query).expect(400);
    expect(refused.body).toMatchObject({
      code: 'invalid_request',
      details: { errors: [expect.objectContaining({ path: field })] },
    });
  });

  it('answers 404 for a team that does not exist, and 401 without the operator token', async () => {
    await client().admin('get', '/admin/v1/teams/team_nobody/usage').expect(404);
    await client().as(team.mainKey, 'get', `/admin/v1/teams/${team.teamId}/usage`).expect(401);
  });
});
