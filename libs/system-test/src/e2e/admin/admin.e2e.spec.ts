import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

describe(`/admin/v1 end to end (${testMode()})`, () => {
  const { client } = useTestApp();

  it('creates a team with its main account and a live key that works at once', async () => {
    const response = await client()
      .admin('post', '/admin/v1/teams')
      .send({ name: 'Acme', currency: 'USD' })
      .expect(201);
    const { team, mainAccount, apiKey } = response.body;
    expect(team).toEqual({
      id: expect.stringMatching(/^team_/),
      name: 'Acme',
      currency: 'usd',
      mainAccountId: mainAccount.id,
      createdAt: expect.any(String),
    });
    expect(mainAccount).toMatchObject({ kind: 'main', status: 'active', totalSpent: 0, creditLimit: null });
    expect(apiKey).toEqual({
      id: expect.stringMatching(/^key_/),
      key: expect.stringMatching(/^sl_live_[0-9A-Za-z]{40}$/),
      name: 'Default',
      environment: 'live',
    });
    const me = await client().as(apiKey.key, 'get', '/v1/me').expect(200);
    expect(me.body).toEqual({
      project: { id: mainAccount.id, name: expect.any(String), isSubAccount: false },
      team: { id: team.id, name: 'Acme' },
      apiKey: { id: apiKey.id },
      isTestMode: false,
    });
  });

  it('refuses a currency the price list does not use, and a wrong token', async () => {
    const response = await client()
      .admin('post', '/admin/v1/teams')
      .send({ name: 'Euro', currency: 'eur' })
      .expect(400);
    expect(response.body.details.errors).toEqual([{ path: 'currency', message: expect.stringContaining('usd') }]);
    await client().http.post('/admin/v1/teams').set('Authorization', 'Bearer wrong').send({ name: 'X' }).expect(401);
  });

  it('credits a top-up once per Idempotency-Key, and requires the key', async () => {
    const { teamId } = await client().createTeam();
    const topUp = (key: string, amount: number) =>
      client()
        .admin('post', `/admin/v1/teams/${teamId}/top-ups`)
        .set('Idempotency-Key', key)
        .send({ amount, reference: 'inv-1' });
    expect((await topUp('pay-1', 1234).expect(201)).body).toEqual({ balance: 1234 });
    expect((await topUp('pay-1', 1234).expect(201)).body).toEqual({ balance: 1234 });
    expect((await topUp('pay-1', 99).expect(409)).body.code).toBe('idempotency_key_reused');
    const missing = await client().admin('post', `/admin/v1/teams/${teamId}/top-ups`).send({ amount: 5 }).expect(400);
    expect(missing.body.details.errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect(
      (
        await client()
          .admin('post', '/admin/v1/teams/team_missing/top-ups')
          .set('Idempotency-Key', 'k')
          .send({ amount: 5 })
          .expect(404)
      ).body.code,
    ).toBe('team_not_found');
  });

  it('adjusts with a reason, and refuses a debit past the balance', async () => {
    const { teamId } = await client().createTeam();
    await client().topUp(teamId, 1000);
    expect(
      (
        await client()
          .admin('post', `/admin/v1/teams/${teamId}/adjustments`)
          .send({ amount: -250, reason: 'Carrier credit' })
          .expect(201)
      ).body,
    ).toEqual({ balance: 750 });
    const refused = await client()
      .admin('post', `/admin/v1/teams/${teamId}/adjustments`)
      .send({ amount: -751, reason: 'Too much' })
      .expect(402);
    expect(refused.body).toMatchObject({ code: 'insufficient_balance', details: { balance: 750, amount: -751 } });
  });

  it('shows a team with every account, and its ledger with running balances', async () => {
    const { teamId, mainKey, mainAccountId } = await client().createTeam();
    await client().topUp(teamId, 500);
    const sub = await client().createSubAccount(mainKey, { name: 'Sub', creditLimit: 300 });
    await client().as(sub.apiKey, 'post', '/v1/messages').send({ to: '+14155550100', text: 'Hi' }).expect(202);
    const details = await client().admin('get', `/admin/v1/teams/${teamId}`).expect(200);
    expect(details.body.balance).toBe(499);
    expect(details.body.accounts).toEqual([
      expect.objectContaining({ id: mainAccountId, kind: 'main', totalSpent: 0, creditLimit: null }),
      expect.objectContaining({ id: sub.id, kind: 'sub', totalSpent: 1, creditLimit: 300 }),
    ]);
    const ledger = await client().admin('get', `/admin/v1/teams/${teamId}/ledger?accountId=${sub.id}`).expect(200);
    expect(ledger.body.items).toContainEqual(
      expect.objectContaining({ type: 'ChargeAccepted', accountId: sub.id, amount: '-0.0079', balanceAfter: '4.9921' }),
    );
    const all = await client().admin('get', `/admin/v1/teams/${teamId}/ledger?limit=1`).expect(200);
    expect(all.body.items).toHaveLength(1);
    expect(all.body.nextCursor).toEqual(expect.any(String));
  });
});
