import { startServiceProcess, type ServiceProcess } from '@subledger/test-harness';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../../test-app/http-calls';

/*
 * The README's five-minute walkthrough, step by step, against the real embedded process as
 * `npm start` runs it. The same calls with curl (B is the printed URL, ADMIN the admin token):
 *
 *   B=http://127.0.0.1:3000
 *   ADMIN=$(cat data/admin-token)
 *
 *   # 1. An operator creates a team: its main account and first API key come back (the key only now).
 *   curl -s -X POST $B/admin/v1/teams -H "Authorization: Bearer $ADMIN" \
 *     -H 'Content-Type: application/json' -d '{"name":"Acme"}'
 *   # -> 201 {"team":{"id":"team_…",…},"mainAccount":{…},"apiKey":{"key":"sl_live_…",…}}   (TEAM, MAIN)
 *
 *   # 2. The operator tops the team up with USD 10.00 (integer cents; the key makes it safe to retry).
 *   curl -s -X POST $B/admin/v1/teams/$TEAM/top-ups -H "Authorization: Bearer $ADMIN" \
 *     -H 'Content-Type: application/json' -H 'Idempotency-Key: first-top-up' -d '{"amount":1000}'
 *   # -> 201 {"balance":1000}
 *
 *   # 3. The main account creates a sub-account with a 3-cent credit limit; its key is shown once.
 *   curl -s -X POST $B/v1/sub-accounts -H "Authorization: Bearer $MAIN" \
 *     -H 'Content-Type: application/json' -d '{"name":"Client ABC","creditLimit":3}'
 *   # -> 201 {"subAccount":{"id":"proj_…","creditLimit":3,"totalSpent":0,"apiKey":"sl_live_sub_…",…}}   (SUB)
 *
 *   # 4. The sub-account sends SMS (USD 0.0079 each to +1) until the limit answers 402.
 *   for i in 1 2 3 4 5; do
 *     curl -s -o /dev/null -w '%{http_code}\n' -X POST $B/v1/messages -H "Authorization: Bearer $SUB" \
 *       -H 'Content-Type: application/json' -d '{"to":"+14155550100","text":"Hello from Subledger"}'
 *   done
 *   # -> 202 202 202 402 402
 *
 *   # 5. Why the last ones were refused, and what is left.
 *   curl -s -X POST $B/v1/messages -H "Authorization: Bearer $SUB" \
 *     -H 'Content-Type: application/json' -d '{"to":"+14155550100","text":"one more"}'
 *   # -> 402 {"code":"credit_limit_exceeded","message":"…","details":{"creditLimit":3,"totalSpent":3,"cost":1}}
 *   curl -s $B/v1/balance -H "Authorization: Bearer $SUB"
 *   # -> 200 {"balance":997,"currency":"usd","isSubAccount":true,"totalSpent":3,"creditLimit":3}
 *   curl -s "$B/admin/v1/teams/$TEAM/ledger" -H "Authorization: Bearer $ADMIN"
 *   # -> 200 {"items":[…],"nextCursor":null}: TeamOpened 0, TopUpRecorded 10, SpendPolicySet 0 (the sub-account's limit),
 *   #    three ChargeAccepted -0.0079 and three ChargeRefused 0 (refusals are recorded, moving no money)
 *
 *   # 6. Usage per hour over the last day (the usage projection follows the ledger a moment behind).
 *   curl -s "$B/admin/v1/teams/$TEAM/usage" -H "Authorization: Bearer $ADMIN"
 *   # -> 200 {"teamId":…,"granularity":"hour",…,"buckets":[… {"charges":3,"refunds":0,"refusals":3,"spend":"0.0237"}],"projectedTo":…}
 *
 * The process runs with DELIVERY_FAILURE_RATE=0: with the default (2 % of deliveries fail and are
 * refunded about two seconds later) a reader may, now and then, see a refunded cent in step 5.
 * Its request deadline is raised to 30 s (REQUEST_TIMEOUT_MS): the walkthrough checks answers, not
 * speed, and a CI machine busy with other suites must not turn a slow first request into a 503.
 */
describe('the README walkthrough against the embedded process', () => {
  let dataDir: string;
  let running: ServiceProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'subledger-readme-'));
  });

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('goes from start to a refused over-limit message and the balance left', async () => {
    running = startServiceProcess('apps/embedded/src/main.ts', {
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      DELIVERY_FAILURE_RATE: '0',
      REQUEST_TIMEOUT_MS: '30000',
    });
    const [, B] = await running.waitFor(/listening on (http:\/\/\S+)/, 60_000);
    const ADMIN = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();

    const team = await call(B, ADMIN, 'POST', '/admin/v1/teams', { name: 'Acme' });
    expect(team.status).toBe(201);
    const TEAM: string = team.body.team.id;
    const MAIN: string = team.body.apiKey.key;

    const topUp = await call(
      B,
      ADMIN,
      'POST',
      `/admin/v1/teams/${TEAM}/top-ups`,
      { amount: 1000 },
      { 'Idempotency-Key': 'first-top-up' },
    );
    expect({ status: topUp.status, body: topUp.body }).toEqual({ status: 201, body: { balance: 1000 } });

    const sub = await call(B, MAIN, 'POST', '/v1/sub-accounts', { name: 'Client ABC', creditLimit: 3 });
    expect(sub.status).toBe(201);
    expect(sub.body.subAccount).toMatchObject({ name: 'Client ABC', creditLimit: 3, totalSpent: 0, status: 'active' });
    const SUB: string = sub.body.subAccount.apiKey;

    const codes = [];
    for (let i = 1; i <= 5; i++)
      codes.push(
        (await call(B, SUB, 'POST', '/v1/messages', { to: '+14155550100', text: 'Hello from Subledger' })).status,
      );
    expect(codes).toEqual([202, 202, 202, 402, 402]);

    const oneMore = await call(B, SUB, 'POST', '/v1/messages', { to: '+14155550100', text: 'one more' });
    expect({ status: oneMore.status, body: oneMore.body }).toEqual({
      status: 402,
      body: {
        code: 'credit_limit_exceeded',
        message: expect.any(String),
        details: { creditLimit: 3, totalSpent: 3, cost: 1 },
      },
    });
    const balance = await call(B, SUB, 'GET', '/v1/balance');
    expect({ status: balance.status, body: balance.body }).toEqual({
      status: 200,
      body: { balance: 997, currency: 'usd', isSubAccount: true, totalSpent: 3, creditLimit: 3 },
    });
    const ledger = await call(B, ADMIN, 'GET', `/admin/v1/teams/${TEAM}/ledger`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.items.map((entry: { type: string; amount: string }) => `${entry.type} ${entry.amount}`)).toEqual(
      [
        'TeamOpened 0',
        'TopUpRecorded 10',
        'SpendPolicySet 0',
        ...Array<string>(3).fill('ChargeAccepted -0.0079'),
        ...Array<string>(3).fill('ChargeRefused 0'),
      ],
    );
    expect(ledger.body.nextCursor).toBeNull();

    // Summed over the day's buckets: the sends may straddle the turn of an hour. The projection is
    // asynchronous and may have folded the charges before the refusals: wait for all six.
    type Bucket = { charges: number; refunds: number; refusals: number; spend: string };
    const totals = (buckets: Bucket[]) => ({
      charges: buckets.reduce((sum, bucket) => sum + bucket.charges, 0),
      refunds: buckets.reduce((sum, bucket) => sum + bucket.refunds, 0),
      refusals: buckets.reduce((sum, bucket) => sum + bucket.refusals, 0),
      spendMicros: buckets.reduce((sum, bucket) => sum + Math.round(Number(bucket.spend) * 1e6), 0),
    });
    let usage = await call(B, ADMIN, 'GET', `/admin/v1/teams/${TEAM}/usage`);
    const folded = (buckets: Bucket[] = []) => totals(buckets).charges + totals(buckets).refusals;
    for (const deadline = Date.now() + 10_000; folded(usage.body.buckets) < 6 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      usage = await call(B, ADMIN, 'GET', `/admin/v1/teams/${TEAM}/usage`);
    }
    expect(usage.status).toBe(200);
    expect(usage.body.buckets).toHaveLength(24);
    expect(totals(usage.body.buckets)).toEqual({ charges: 3, refunds: 0, refusals: 3, spendMicros: 23_700 });
  }, 90_000);
});
