import { newKey, teamWithSubAccount } from '../../testing/accounts-fixtures';
import { BACKENDS } from '../../testing/test-backends';
import { useAccountsKit } from '../../testing/use-accounts-kit';

describe.each(BACKENDS)('API keys (%s)', (_backend, open) => {
  const kit = useAccountsKit(open);

  it('creates a key, authenticates it, revokes it (401 material) and revokes it again without a change', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const key = newKey({ environment: 'test', name: 'CI', permissions: ['messages:send'] });
    const createdAt = kit().clock.now();
    const { apiKey } = await kit().ok({
      type: 'CreateApiKey',
      teamId: sub.teamId,
      accountId: sub.accountId,
      key,
      at: createdAt,
    });

    expect(apiKey).toEqual({
      id: key.keyId,
      accountId: sub.accountId,
      name: 'CI',
      keyPrefix: key.prefix,
      environment: 'test',
      permissions: ['messages:send'],
      createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await kit().read({ type: 'AuthenticateKey', digest: key.digest })).toMatchObject({
      identity: { keyId: key.keyId, environment: 'test', revoked: false },
    });

    kit().clock.advance(1_000);
    const revoke = {
      type: 'RevokeApiKey',
      teamId: sub.teamId,
      accountId: sub.accountId,
      keyId: key.keyId,
      at: kit().clock.now(),
    } as const;
    const revoked = await kit().ok(revoke);
    expect(revoked.apiKey.revokedAt).toBe(revoke.at);
    expect(await kit().read({ type: 'AuthenticateKey', digest: key.digest })).toMatchObject({
      identity: { revoked: true },
    });

    const events = (await kit().store.readAll()).length;
    expect(await kit().ok({ ...revoke, at: revoke.at + 5 })).toEqual(revoked);
    expect((await kit().store.readAll()).length).toBe(events);
  });

  it('lists every key of the sub-account in creation order, revoked ones with revokedAt', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const second = newKey({ name: 'Second' });
    await kit().ok({
      type: 'CreateApiKey',
      teamId: sub.teamId,
      accountId: sub.accountId,
      key: second,
      at: kit().clock.now(),
    });
    await kit().ok({
      type: 'RevokeApiKey',
      teamId: sub.teamId,
      accountId: sub.accountId,
      keyId: sub.key.keyId,
      at: kit().clock.now(),
    });

    const { items } = await kit().read({ type: 'ListApiKeys', teamId: sub.teamId, accountId: sub.accountId });
    expect(items.map((key) => [key.id, key.revokedAt])).toEqual([
      [sub.key.keyId, kit().clock.now()],
      [second.keyId, null],
    ]);
  });

  it('answers a redelivered key creation with the key, and refuses a reused key id with another digest', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const key = newKey();
    const create = {
      type: 'CreateApiKey',
      teamId: sub.teamId,
      accountId: sub.accountId,
      key,
      at: kit().clock.now(),
    } as const;
    const first = await kit().ok(create);

    expect(await kit().ok(create)).toEqual(first);
    expect(await kit().command({ ...create, key: { ...newKey(), keyId: key.keyId } })).toEqual({
      ok: false,
      refusal: { type: 'key_id_taken' },
    });
  });

  it('refuses an unknown key, and keeps the main account out of the sub-account key routes', async () => {
    const { team, sub } = await teamWithSubAccount(kit());
    const at = kit().clock.now();

    expect(
      await kit().command({
        type: 'RevokeApiKey',
        teamId: sub.teamId,
        accountId: sub.accountId,
        keyId: 'key_nope',
        at,
      }),
    ).toEqual({
      ok: false,
      refusal: { type: 'key_not_found' },
    });
    expect(
      await kit().command({
        type: 'CreateApiKey',
        teamId: team.teamId,
        accountId: team.mainAccountId,
        key: newKey(),
        at,
      }),
    ).toEqual({
      ok: false,
      refusal: { type: 'account_not_found' },
    });
    expect(await kit().query({ type: 'ListApiKeys', teamId: team.teamId, accountId: team.mainAccountId })).toEqual({
      ok: false,
      refusal: { type: 'account_not_found' },
    });
    expect(await kit().read({ type: 'AuthenticateKey', digest: team.mainKey.digest })).toMatchObject({
      identity: { accountKind: 'main', accountStatus: 'active' },
    });
  });

  it('records key usage in the read model only, moving lastUsedAt forward and ignoring other teams', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { team: other } = await teamWithSubAccount(kit());
    const events = (await kit().store.readAll()).length;
    const usage = { type: 'RecordKeyUsage', teamId: sub.teamId, at: 0 } as const;

    expect(
      await kit().ok({
        ...usage,
        usages: [
          { keyId: sub.key.keyId, at: 2_000 },
          { keyId: sub.key.keyId, at: 3_000 },
          { keyId: other.mainKey.keyId, at: 9_000 },
        ],
      }),
    ).toEqual({
      recorded: 1,
    });
    expect(await kit().ok({ ...usage, usages: [{ keyId: sub.key.keyId, at: 1_000 }] })).toEqual({ recorded: 1 });
    const { items } = await kit().read({ type: 'ListApiKeys', teamId: sub.teamId, accountId: sub.accountId });
    expect(items[0].lastUsedAt).toBe(3_000);
    expect((await kit().store.readAll()).length).toBe(events);
  });
});
