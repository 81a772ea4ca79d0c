import Zavudev from '@zavudev/sdk';
import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

/** The official `@zavudev/sdk`, unmodified, with its baseURL on our gateway (the promise of docs/contract.md). */
describe(`the Zavu SDK against the ${testMode()} gateway`, () => {
  const { testApp, client } = useTestApp();
  let baseURL: string;

  beforeAll(async () => {
    baseURL = await testApp().listen();
  });

  const sdk = (apiKey: string) => new Zavudev({ apiKey, baseURL, maxRetries: 0 });

  it('manages sub-accounts and their keys', async () => {
    const team = await client().createTeam();
    const main = sdk(team.mainKey);
    const { subAccount } = await main.subAccounts.create({
      name: 'Acme',
      externalId: 'acme-1',
      creditLimit: 500,
      metadata: { plan: 'pro' },
    });
    expect(subAccount).toMatchObject({
      name: 'Acme',
      status: 'active',
      totalSpent: 0,
      creditLimit: 500,
      apiKey: expect.stringMatching(/^sl_live_sub_/),
    });
    expect((await main.subAccounts.retrieve(subAccount.id)).subAccount.externalId).toBe('acme-1');
    expect(
      (await main.subAccounts.update(subAccount.id, { creditLimit: null, name: 'Acme Ltd' })).subAccount,
    ).toMatchObject({ name: 'Acme Ltd', creditLimit: null });
    const listed = [];
    for await (const item of main.subAccounts.list({ limit: 1 })) listed.push(item.id);
    expect(listed).toEqual([subAccount.id]);
    const { apiKey } = await main.subAccounts.apiKeys.create(subAccount.id, { name: 'CI', environment: 'test' });
    expect((await main.subAccounts.apiKeys.list(subAccount.id)).items.map((key) => key.name)).toEqual([
      'Default',
      'CI',
    ]);
    await main.subAccounts.apiKeys.revoke(apiKey.id, { id: subAccount.id });
    expect((await main.subAccounts.getBalance(subAccount.id)).isSubAccount).toBe(true);
    expect(await main.subAccounts.deactivate(subAccount.id)).toEqual({
      message: 'Sub-account deactivated',
      keysRevoked: 1,
    });
  });

  it('sends, reads and lists messages, and reads balance and identity', async () => {
    const team = await client().createTeam();
    await client().topUp(team.teamId, 100);
    const main = sdk(team.mainKey);
    const { message } = await main.messages.send({
      to: '+14155550100',
      text: 'Your code is 123456',
      idempotencyKey: 'otp-1',
    });
    expect(message).toMatchObject({
      status: 'queued',
      channel: 'sms',
      cost: 0.0079,
      costProvider: 0,
      costTotal: 0.0079,
    });
    expect(
      (await main.messages.send({ to: '+14155550100', text: 'Your code is 123456', idempotencyKey: 'otp-1' })).message
        .id,
    ).toBe(message.id);
    expect((await main.messages.retrieve(message.id)).message.id).toBe(message.id);
    const page = await main.messages.list({ channel: 'sms' });
    expect(page.items.map((item) => item.id)).toEqual([message.id]);
    expect(await main.balance.retrieve()).toEqual({ balance: 99, currency: 'usd', isSubAccount: false });
    expect((await main.me.retrieve()).project.isSubAccount).toBe(false);
  });

  it('surfaces our error body through the SDK error', async () => {
    const team = await client().createTeam();
    const error = await sdk(team.mainKey)
      .messages.send({ to: '+14155550100', text: 'Hi' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Zavudev.APIError);
    expect(error).toMatchObject({ status: 402, error: { code: 'insufficient_balance' } });
  });
});
