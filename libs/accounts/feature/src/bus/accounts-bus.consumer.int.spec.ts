import { Topics } from '@subledger/contracts';
import { Headers } from '@subledger/messaging';
import { newKey, teamWithSubAccount } from '../testing/accounts-fixtures';
import { AccountsTestKit } from '../testing/accounts-test-kit';
import { BACKENDS } from '../testing/test-backends';
import { useAccountsKit } from '../testing/use-accounts-kit';

describe.each(BACKENDS)('the accounts command consumer (%s)', (_backend, open) => {
  const kit = useAccountsKit(open);

  it('answers a redelivered request with its first reply, even where deciding again would refuse', async () => {
    const { sub } = await teamWithSubAccount(kit());
    await kit().ok({
      type: 'ScheduleSubAccountDeletion',
      teamId: sub.teamId,
      accountId: sub.accountId,
      at: kit().clock.now(),
    });
    const restore = {
      type: 'RestoreSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      at: kit().clock.now(),
    } as const;
    const send = (correlationId: string) =>
      kit().bus.request(Topics.accountsCommands, sub.teamId, restore, {
        timeoutMs: 10_000,
        headers: { [Headers.correlationId]: correlationId },
      });

    const first = await send('restore-1');
    expect(first).toMatchObject({ ok: true, value: { account: { status: 'active' } } });
    expect(await send('restore-1')).toEqual(first);
    expect(await send('restore-2')).toEqual({ ok: false, refusal: { type: 'not_pending_deletion' } });
  });

  it('commits events and rows together: a failing write leaves neither, and the command works once the cause is gone', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const key = newKey();
    const { quotedSchema } = kit().store;
    // A foreign row holding the new key's digest makes the read-model insert, and so the commit, fail.
    await kit().store.sql.query(
      `INSERT INTO ${quotedSchema}.accounts_api_keys (id, account_id, team_id, name, prefix, digest, environment, permissions, created_at)
       VALUES ('blocker', 'nobody', 'nobody', 'x', 'x', $1, 'live', '[]', 0)`,
      [key.digest],
    );
    const deadLetter = new Promise<unknown>((resolve) => {
      kit().bus.subscribe(`${Topics.accountsCommands}.dead-letter`, `dead-letters-${_backend}`, async (batch) => {
        resolve(batch[0].value);
        return batch.map(() => undefined);
      });
    });
    const create = {
      type: 'CreateApiKey',
      teamId: sub.teamId,
      accountId: sub.accountId,
      key,
      at: kit().clock.now(),
    } as const;
    kit().bus.publish(Topics.accountsCommands, sub.teamId, create);

    expect(await deadLetter).toEqual(create);
    expect((await kit().store.readStream(`account-${sub.accountId}`)).map((event) => event.type)).toEqual([
      'AccountCreated',
      'ApiKeyCreated',
    ]);
    await kit().store.sql.query(`DELETE FROM ${quotedSchema}.accounts_api_keys WHERE id = 'blocker'`);
    expect(await kit().command(create)).toMatchObject({ ok: true, value: { apiKey: { id: key.keyId } } });
  });

  it('recovers from a stale team state when another writer committed first (a partition moved)', async () => {
    const rival = await AccountsTestKit.start({ store: kit().store });
    try {
      const { sub } = await teamWithSubAccount(kit());
      const rename = (name: string) =>
        ({
          type: 'UpdateSubAccount',
          teamId: sub.teamId,
          accountId: sub.accountId,
          changes: { name },
          at: kit().clock.now(),
        }) as const;
      await rival.ok(rename('By the rival'));

      expect(await kit().ok(rename('By the first'))).toMatchObject({ account: { name: 'By the first' } });
      const names = (await kit().store.readStream(`account-${sub.accountId}`)).flatMap((event) =>
        event.type === 'AccountUpdated' ? [event.data['changes']] : [],
      );
      expect(names).toEqual([{ name: 'By the rival' }, { name: 'By the first' }]);
    } finally {
      await rival.close();
    }
  });
});
