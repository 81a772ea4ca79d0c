import Zavudev from '@zavudev/sdk';
import { EmbeddedTestClient, type TestTeam } from '../../test-app/embedded-test-client';
import { instantBetween } from '../../test-app/instant-between';
import { startTestApp, testMode, type TestApp } from '../../test-app/test-app';
import { US } from '../../test-app/http-calls';
import { ledgerFacts } from './support/ledger-facts';

/**
 * The official `@zavudev/sdk`, unmodified, pointed at a listening embedded gateway: every call of
 * the sub-account, balance, identity and messaging subset it offers, as a customer would make it.
 */
describe(`flows through the Zavu SDK (${testMode()})`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let baseURL: string;
  let team: TestTeam;
  let main: Zavudev;

  beforeAll(async () => {
    testApp = await startTestApp();
    client = new EmbeddedTestClient(testApp);
    baseURL = await testApp.listen();
  });

  afterAll(() => testApp?.close());

  beforeEach(async () => {
    team = await client.createTeam();
    main = sdk(team.mainKey);
  });

  // No automatic retries: a test must see the first answer, not the SDK's third attempt.
  const sdk = (apiKey: string, options: { fetch?: typeof fetch } = {}) =>
    new Zavudev({ apiKey, baseURL, maxRetries: 0, ...options });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => Promise.reject(new Error('expected the SDK to raise')),
      (error: unknown) => error,
    );

  it('creates sub-accounts with and without the optional fields, and auto-paginates a dozen in creation order', async () => {
    const from = testApp.now();
    const full = await main.subAccounts.create({
      name: 'Full',
      externalId: 'crm-1',
      creditLimit: 1500,
      metadata: { plan: 'pro', seats: 3 },
    });
    expect(full.subAccount).toEqual({
      id: expect.stringMatching(/^proj_/),
      name: 'Full',
      externalId: 'crm-1',
      status: 'active',
      totalSpent: 0,
      creditLimit: 1500,
      metadata: { plan: 'pro', seats: 3 },
      createdAt: instantBetween(from, testApp.now()),
      apiKey: expect.stringMatching(/^sl_live_sub_[0-9A-Za-z]{40}$/),
    });
    const bare = await main.subAccounts.create({ name: 'Bare' });
    expect(bare.subAccount).toMatchObject({ externalId: null, creditLimit: null, metadata: null });
    // docs/contract.md §4: a credit limit of 0 means no limit.
    const zero = await main.subAccounts.create({ name: 'Zero', creditLimit: 0 });
    expect(zero.subAccount.creditLimit).toBeNull();
    const created = [full.subAccount.id, bare.subAccount.id, zero.subAccount.id];
    for (let i = 4; i <= 12; i++) created.push((await main.subAccounts.create({ name: `Sub ${i}` })).subAccount.id);

    const pages: string[] = [];
    const counting = sdk(team.mainKey, { fetch: (url, init) => (pages.push(String(url)), fetch(url, init)) });
    const listed: string[] = [];
    for await (const subAccount of counting.subAccounts.list({ limit: 5 })) listed.push(subAccount.id);
    expect(listed).toEqual(created);
    expect(new Set(listed).size).toBe(12);
    expect(pages).toHaveLength(3);
    expect(pages.slice(1).every((url) => new URL(url).searchParams.has('cursor'))).toBe(true);
  });

  it('retrieves and updates a sub-account: name, credit limit (0 clears it), metadata, status', async () => {
    const { subAccount } = await main.subAccounts.create({
      name: 'Acme',
      creditLimit: 500,
      metadata: { tier: 'gold' },
    });
    const key = subAccount.apiKey as string;
    expect((await main.subAccounts.retrieve(subAccount.id)).subAccount).not.toHaveProperty('apiKey');
    const renamed = await main.subAccounts.update(subAccount.id, {
      name: 'Acme Ltd',
      creditLimit: 750,
      metadata: { tier: 'platinum' },
    });
    expect(renamed.subAccount).toMatchObject({ name: 'Acme Ltd', creditLimit: 750, metadata: { tier: 'platinum' } });
    expect((await main.subAccounts.update(subAccount.id, { creditLimit: 0 })).subAccount.creditLimit).toBeNull();
    await main.subAccounts.update(subAccount.id, { creditLimit: 300 });
    expect((await main.subAccounts.update(subAccount.id, { creditLimit: null })).subAccount.creditLimit).toBeNull();

    expect((await main.subAccounts.update(subAccount.id, { status: 'inactive' })).subAccount.status).toBe('inactive');
    const suspended = await failure(sdk(key).balance.retrieve());
    expect(suspended).toBeInstanceOf(Zavudev.PermissionDeniedError);
    expect(suspended).toMatchObject({ status: 403, error: { code: 'account_inactive' } });
    await main.subAccounts.update(subAccount.id, { status: 'active' });
    expect((await sdk(key).balance.retrieve()).isSubAccount).toBe(true);
    expect((await main.subAccounts.retrieve(subAccount.id)).subAccount).toMatchObject({
      name: 'Acme Ltd',
      status: 'active',
      creditLimit: null,
      metadata: { tier: 'platinum' },
    });
  });

  it('deactivates a sub-account, revoking every key it had', async () => {
    const { subAccount } = await main.subAccounts.create({ name: 'Leaving' });
    await main.subAccounts.apiKeys.create(subAccount.id, { name: 'Second' });
    expect(await main.subAccounts.deactivate(subAccount.id)).toEqual({
      message: 'Sub-account deactivated',
      keysRevoked: 2,
    });
    const revoked = await failure(sdk(subAccount.apiKey as string).me.retrieve());
    expect(revoked).toBeInstanceOf(Zavudev.AuthenticationError);
    expect(revoked).toMatchObject({ status: 401, error: { code: 'invalid_api_key' } });
    expect((await main.subAccounts.retrieve(subAccount.id)).subAccount.status).toBe('inactive');
  });

  it('creates, lists and revokes API keys: the key shown once, revokedAt set, the revoked key refused', async () => {
    const { subAccount } = await main.subAccounts.create({ name: 'Keys' });
    const creating = testApp.now();
    const { apiKey } = await main.subAccounts.apiKeys.create(subAccount.id, {
      name: 'CI',
      environment: 'test',
      permissions: ['messages:send'],
    });
    const createdAt = instantBetween(creating, testApp.now());
    expect(apiKey).toEqual({
      id: expect.stringMatching(/^key_/),
      key: expect.stringMatching(/^sl_test_sub_/),
      name: 'CI',
      environment: 'test',
    });
    expect((await sdk(apiKey.key).me.retrieve()).isTestMode).toBe(true);
    const revoking = testApp.now();
    await main.subAccounts.apiKeys.revoke(apiKey.id, { id: subAccount.id });
    const revokedAt = instantBetween(revoking, testApp.now());
    const { items } = await main.subAccounts.apiKeys.list(subAccount.id);
    expect(items).toEqual([
      expect.objectContaining({
        name: 'Default',
        environment: 'live',
        keyPrefix: (subAccount.apiKey as string).slice(0, 12),
        revokedAt: null,
      }),
      expect.objectContaining({
        id: apiKey.id,
        name: 'CI',
        environment: 'test',
        permissions: ['messages:send'],
        createdAt,
        revokedAt,
      }),
    ]);
    expect(items.every((item) => item.key === undefined)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(apiKey.key);
    expect(await failure(sdk(apiKey.key).me.retrieve())).toMatchObject({ status: 401 });
  });

  it('reads the balance as the main account and as a sub-account, and who is calling', async () => {
    await client.topUp(team.teamId, 2_500);
    const { subAccount } = await main.subAccounts.create({ name: 'Reader', creditLimit: 900 });
    const sub = sdk(subAccount.apiKey as string);
    await sub.messages.send({ to: US, text: 'Hello' });
    expect(await main.balance.retrieve()).toEqual({ balance: 2_499, currency: 'usd', isSubAccount: false });
    const own = await sub.balance.retrieve();
    expect(own).toEqual({ balance: 2_499, currency: 'usd', isSubAccount: true, totalSpent: 1, creditLimit: 900 });
    expect(await main.subAccounts.getBalance(subAccount.id)).toEqual(own);
    expect(await main.me.retrieve()).toEqual({
      project: { id: team.mainAccountId, name: expect.any(String), isSubAccount: false },
      team: { id: team.teamId, name: 'Acme Messaging' },
      apiKey: { id: expect.stringMatching(/^key_/) },
      isTestMode: false,
    });
    expect(await sub.me.retrieve()).toMatchObject({
      project: { id: subAccount.id, name: 'Reader', isSubAccount: true },
      team: { id: team.teamId },
      isTestMode: false,
    });
  });

  it('sends as a sub-account until its credit limit answers 402 through the SDK error, with our body', async () => {
    await client.topUp(team.teamId, 1_000);
    const { subAccount } = await main.subAccounts.create({ name: 'Capped', creditLimit: 3 });
    const sub = sdk(subAccount.apiKey as string);
    const sent: string[] = [];
    let refusal: unknown;
    while (refusal === undefined && sent.length < 10) {
      await sub.messages.send({ to: US, text: `Message ${sent.length + 1}` }).then(
        ({ message }) => sent.push(message.id),
        (error: unknown) => (refusal = error),
      );
    }
    // Three SMS of 7,900 micros fit under 30,000; a fourth would cross the limit.
    expect(sent).toHaveLength(3);
    expect(refusal).toBeInstanceOf(Zavudev.APIError);
    expect(refusal).toMatchObject({
      status: 402,
      error: {
        code: 'credit_limit_exceeded',
        message: expect.any(String),
        details: { creditLimit: 3, totalSpent: 3, cost: 1 },
      },
    });
    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    expect([...facts.accepted.keys()].sort()).toEqual([...sent].sort());
    expect(facts.spentBy(subAccount.id)).toBe(23_700n);
    expect(await sub.balance.retrieve()).toMatchObject({ balance: 997, totalSpent: 3, creditLimit: 3 });
    const page = await sub.messages.list({ limit: 10 });
    expect(page.items.map((message) => message.id)).toEqual(sent);
  });

  it('lists, filters and retrieves sent messages, auto-paginating them oldest first', async () => {
    await client.topUp(team.teamId, 100);
    const sent: string[] = [];
    for (let i = 0; i < 12; i++) {
      const to = i % 4 === 0 ? 'ana@example.com' : US;
      sent.push(
        (await main.messages.send(to === US ? { to, text: `SMS ${i}` } : { to, subject: `Mail ${i}`, text: 'Hi' }))
          .message.id,
      );
    }
    const listed: string[] = [];
    for await (const message of main.messages.list({ limit: 5 })) listed.push(message.id);
    expect(listed).toEqual(sent);
    const emails: string[] = [];
    for await (const message of main.messages.list({ channel: 'email', limit: 2 })) emails.push(message.id);
    expect(emails).toEqual([sent[0], sent[4], sent[8]]);
    const toUs: string[] = [];
    for await (const message of main.messages.list({ to: US, limit: 4 })) toUs.push(message.id);
    expect(toUs).toEqual(sent.filter((_, i) => i % 4 !== 0));
    expect((await main.messages.retrieve(sent[11])).message).toMatchObject({
      id: sent[11],
      to: US,
      text: 'SMS 11',
      channel: 'sms',
    });
    const missing = await failure(main.messages.retrieve('msg_0000000000000000000000'));
    expect(missing).toBeInstanceOf(Zavudev.NotFoundError);
    expect(missing).toMatchObject({ status: 404, error: { code: 'message_not_found' } });
  });

  it('retries a send with the Idempotency-Key header in request options: the same message, charged once', async () => {
    await client.topUp(team.teamId, 100);
    const body = { to: US, text: 'Your code is 424242' };
    const options = { headers: { 'Idempotency-Key': 'sdk-retry-1' } };
    const first = await main.messages.send(body, options).withResponse();
    const again = await main.messages.send(body, options).withResponse();
    expect(first.response.status).toBe(202);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data).toEqual(first.data);
    const reused = await failure(main.messages.send({ ...body, text: 'Another code' }, options));
    expect(reused).toBeInstanceOf(Zavudev.ConflictError);
    expect(reused).toMatchObject({ status: 409, error: { code: 'idempotency_key_reused' } });
    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    expect([...facts.accepted.keys()]).toEqual([first.data.message.id]);
    expect(await main.balance.retrieve()).toMatchObject({ balance: 99 });
  });
});
