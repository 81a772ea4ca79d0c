import type { LedgerCommand } from '@subledger/contracts';
import { CENT, newKey, teamWithSubAccount } from '../../testing/accounts-fixtures';
import { BACKENDS } from '../../testing/test-backends';
import { useAccountsKit } from '../../testing/use-accounts-kit';

describe.each(BACKENDS)('sub-account lifecycle (%s)', (_backend, open) => {
  const kit = useAccountsKit(open);

  const subAccount = async () =>
    (await teamWithSubAccount(kit(), { creditLimit: 50n * CENT, externalId: 'cust-1', metadata: { plan: 'gold' } }))
      .sub;

  const policiesOf = (accountId: string): LedgerCommand[] =>
    kit()
      .ledger.of('SetSpendPolicy')
      .filter((policy) => policy.accountId === accountId);

  const authenticate = async (digest: string) => (await kit().read({ type: 'AuthenticateKey', digest })).identity;

  it('updates fields PATCH-style and sends only a changed limit or status to the ledger', async () => {
    const sub = await subAccount();
    const at = kit().clock.now() + 1;
    const { account } = await kit().ok({
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { name: 'Renamed', metadata: null },
      at,
    });

    expect(account).toMatchObject({
      name: 'Renamed',
      externalId: 'cust-1',
      creditLimit: 50n * CENT,
      metadata: null,
      status: 'active',
    });
    expect(policiesOf(sub.accountId)).toHaveLength(1);

    await kit().ok({
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { creditLimit: 75n * CENT },
      at: at + 1,
    });
    expect(policiesOf(sub.accountId).at(-1)).toEqual({
      type: 'SetSpendPolicy',
      teamId: sub.teamId,
      accountId: sub.accountId,
      creditLimit: 75n * CENT,
      status: 'active',
      at: at + 1,
    });
    expect(await kit().read({ type: 'GetAccount', teamId: sub.teamId, accountId: sub.accountId })).toMatchObject({
      account: { creditLimit: 75n * CENT },
    });
  });

  it('tells the ledger of a new limit before committing it, and keeps the old one when the ledger refuses', async () => {
    const sub = await subAccount();
    let limitWhenAsked: unknown;
    kit().ledger.before = async () => {
      const { rows } = await kit().store.sql.query(
        `SELECT credit_limit::text AS limit FROM ${kit().store.quotedSchema}.accounts_projects WHERE id = $1`,
        [sub.accountId],
      );
      limitWhenAsked = rows[0]?.['limit'];
    };
    await kit().ok({
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { creditLimit: null },
      at: kit().clock.now(),
    });
    kit().ledger.before = async () => undefined;
    expect(limitWhenAsked).toBe(String(50n * CENT));

    kit().ledger.override = (command) =>
      command.type === 'SetSpendPolicy'
        ? { type: 'refused', refusal: { reason: 'team_not_found', teamId: command.teamId } }
        : null;
    const refused = await kit().command({
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { creditLimit: 9n * CENT, name: 'New' },
      at: kit().clock.now(),
    });
    kit().ledger.override = () => null;
    expect(refused).toEqual({
      ok: false,
      refusal: { type: 'upstream_refused', service: 'ledger', reason: 'team_not_found' },
    });
    expect(await kit().read({ type: 'GetAccount', teamId: sub.teamId, accountId: sub.accountId })).toMatchObject({
      account: { creditLimit: null, name: 'Customer One' },
    });
  });

  it('suspends with keys kept (inactive at the ledger, 403 material) and resumes', async () => {
    const sub = await subAccount();
    const suspended = await kit().ok({
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { status: 'inactive' },
      at: kit().clock.now(),
    });

    expect(suspended.account.status).toBe('inactive');
    expect(policiesOf(sub.accountId).at(-1)).toMatchObject({ creditLimit: 50n * CENT, status: 'inactive' });
    expect(await authenticate(sub.key.digest)).toEqual({
      keyId: sub.key.keyId,
      accountId: sub.accountId,
      teamId: sub.teamId,
      accountKind: 'sub',
      accountStatus: 'inactive',
      environment: 'live',
      revoked: false,
      digest: sub.key.digest,
    });

    const resumed = await kit().ok({
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { status: 'active' },
      at: kit().clock.now(),
    });
    expect(resumed.account.status).toBe('active');
    expect(policiesOf(sub.accountId).at(-1)).toMatchObject({ status: 'active' });
    expect(await authenticate(sub.key.digest)).toMatchObject({ accountStatus: 'active', revoked: false });
  });

  it('deactivates: inactive, every key revoked and counted, and a redelivery answers the same count', async () => {
    const sub = await subAccount();
    const second = newKey();
    await kit().ok({
      type: 'CreateApiKey',
      teamId: sub.teamId,
      accountId: sub.accountId,
      key: second,
      at: kit().clock.now(),
    });
    const deactivate = {
      type: 'DeactivateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      at: kit().clock.now() + 5,
    } as const;

    const first = await kit().ok(deactivate);
    expect(first).toMatchObject({ account: { status: 'inactive' }, keysRevoked: 2 });
    expect(policiesOf(sub.accountId).at(-1)).toMatchObject({ status: 'inactive' });
    for (const digest of [sub.key.digest, second.digest])
      expect(await authenticate(digest)).toMatchObject({ revoked: true, accountStatus: 'inactive' });
    const events = (await kit().store.readAll()).length;

    expect(await kit().ok(deactivate)).toEqual(first);
    expect(await kit().ok({ ...deactivate, at: deactivate.at + 1 })).toMatchObject({ keysRevoked: 0 });
    expect((await kit().store.readAll()).length).toBe(events);
    expect(await kit().read({ type: 'ListApiKeys', teamId: sub.teamId, accountId: sub.accountId })).toMatchObject({
      items: [
        { id: sub.key.keyId, revokedAt: deactivate.at },
        { id: second.keyId, revokedAt: deactivate.at },
      ],
    });
  });

  it('changes nothing when the same PATCH is delivered again', async () => {
    const sub = await subAccount();
    const patch = {
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { name: 'Once', creditLimit: 10n * CENT },
      at: kit().clock.now(),
    } as const;
    const first = await kit().ok(patch);
    const events = (await kit().store.readAll()).length;
    const policies = policiesOf(sub.accountId).length;

    expect(await kit().ok(patch)).toEqual(first);
    expect((await kit().store.readAll()).length).toBe(events);
    expect(policiesOf(sub.accountId)).toHaveLength(policies);
  });

  it('answers no identity for a digest it does not know', async () => {
    expect(await authenticate('0'.repeat(64))).toBeNull();
  });
});
