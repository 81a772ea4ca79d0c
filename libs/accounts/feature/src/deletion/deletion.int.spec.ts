import { DAY_MS } from '@subledger/accounts-domain';
import { ACCOUNTS_SCHEMA_VERSION as v } from '@subledger/contracts';
import { accountEvents, teamDirectoryEvents } from '../team-state/account-streams';
import { CENT, teamWithSubAccount } from '../testing/accounts-fixtures';
import { BACKENDS } from '../testing/test-backends';
import { useAccountsKit } from '../testing/use-accounts-kit';

describe.each(BACKENDS)('scheduled deletion (%s)', (_backend, open) => {
  const kit = useAccountsKit(open);

  const subAccount = async () =>
    (await teamWithSubAccount(kit(), { creditLimit: 30n * CENT, externalId: 'cust-9' })).sub;

  const schedule = (sub: { teamId: string; accountId: string }) =>
    kit().command({
      type: 'ScheduleSubAccountDeletion',
      teamId: sub.teamId,
      accountId: sub.accountId,
      at: kit().clock.now(),
    });

  const remindersOf = async (accountId: string) =>
    (await kit().store.readStream(`account-${accountId}`))
      .filter((event) => event.type === 'DeletionReminderRecorded')
      .map((event) => event.data['day']);

  /** The sweep's work for this account only: other tests' accounts may be due too. */
  const sweep = async (accountId: string) =>
    (await kit().scheduler.runDue()).filter((result) => result.accountId === accountId).map((result) => result.reply);

  it('revokes every key, sets deleteAt 14 days out, goes inactive at the ledger and records the day-0 reminder', async () => {
    const sub = await subAccount();
    const at = kit().clock.now();
    const reply = await schedule(sub);

    expect(reply).toEqual({
      ok: true,
      value: { account: expect.objectContaining({ status: 'pending_deletion', deleteAt: at + 14 * DAY_MS }) },
    });
    expect(await kit().read({ type: 'AuthenticateKey', digest: sub.key.digest })).toMatchObject({
      identity: { revoked: true, accountStatus: 'pending_deletion' },
    });
    expect(
      kit()
        .ledger.of('SetSpendPolicy')
        .filter((policy) => policy.accountId === sub.accountId)
        .at(-1),
    ).toMatchObject({ creditLimit: 30n * CENT, status: 'inactive', at });
    expect(await remindersOf(sub.accountId)).toEqual([0]);
    expect(await schedule(sub)).toEqual(reply);
    expect(await remindersOf(sub.accountId)).toEqual([0]);
  });

  it('records each reminder once, on days 1, 7, 12 and 14, as the clock moves', async () => {
    const sub = await subAccount();
    const start = kit().clock.now();
    await schedule(sub);
    const expected: [number, number[]][] = [
      [0.5, []],
      [1, [1]],
      [1.5, []],
      [7, [7]],
      [7, []],
      [12, [12]],
      [13.9, []],
    ];
    for (const [day, days] of expected) {
      kit().clock.set(start + day * DAY_MS);
      const replies = await sweep(sub.accountId);
      expect(replies.flatMap((reply) => (reply.ok ? reply.value.remindersRecorded : []))).toEqual(days);
    }
    expect(await remindersOf(sub.accountId)).toEqual([0, 1, 7, 12]);
    kit().clock.set(start + 14 * DAY_MS);
    expect(await sweep(sub.accountId)).toEqual([{ ok: true, value: { remindersRecorded: [14], purged: true } }]);
    expect(await sweep(sub.accountId)).toEqual([]);
    expect(await remindersOf(sub.accountId)).toEqual([0, 1, 7, 12, 14]);
  });

  it('records every reminder it missed at once when the sweep comes late', async () => {
    const sub = await subAccount();
    const start = kit().clock.now();
    await schedule(sub);
    kit().clock.set(start + 12.5 * DAY_MS);

    expect(await sweep(sub.accountId)).toEqual([{ ok: true, value: { remindersRecorded: [1, 7, 12], purged: false } }]);
  });

  it('restores within the window: active again, without keys, and no more reminders', async () => {
    const sub = await subAccount();
    const start = kit().clock.now();
    await schedule(sub);
    kit().clock.set(start + 2 * DAY_MS);
    await sweep(sub.accountId);
    const restored = await kit().ok({
      type: 'RestoreSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      at: kit().clock.now(),
    });

    expect(restored.account).toMatchObject({ status: 'active', deleteAt: null });
    expect(
      kit()
        .ledger.of('SetSpendPolicy')
        .filter((policy) => policy.accountId === sub.accountId)
        .at(-1),
    ).toMatchObject({ status: 'active', creditLimit: 30n * CENT });
    expect(await kit().read({ type: 'ListApiKeys', teamId: sub.teamId, accountId: sub.accountId })).toMatchObject({
      items: [{ revokedAt: start }],
    });
    kit().clock.set(start + 30 * DAY_MS);
    expect(await sweep(sub.accountId)).toEqual([]);
    expect(await remindersOf(sub.accountId)).toEqual([0, 1]);
    expect(await kit().read({ type: 'GetAccount', teamId: sub.teamId, accountId: sub.accountId })).toMatchObject({
      account: { status: 'active' },
    });
  });

  it('refuses to restore an account that is not pending deletion', async () => {
    const sub = await subAccount();
    expect(
      await kit().command({
        type: 'RestoreSubAccount',
        teamId: sub.teamId,
        accountId: sub.accountId,
        at: kit().clock.now(),
      }),
    ).toEqual({
      ok: false,
      refusal: { type: 'not_pending_deletion' },
    });
  });

  it('refuses to schedule the last active project of a team', async () => {
    // Through the API the main account is always active, so the rule can only bite on a history
    // where it is not; that history is written straight to the streams here.
    const [teamId, mainId, subId, at] = ['team-last', 'acc-last-main', 'acc-last-sub', kit().clock.now()];
    const created = { schemaVersion: v, at, teamId, externalId: null, creditLimit: null, metadata: null } as const;
    await kit().store.appendMany([
      {
        streamId: `team-accounts-${teamId}`,
        expectedVersion: 'no_stream',
        events: [
          teamDirectoryEvents.encode({
            type: 'TeamCreated',
            schemaVersion: v,
            at,
            teamId,
            name: 'Team',
            currency: 'usd',
            mainAccountId: mainId,
          }),
          teamDirectoryEvents.encode({
            type: 'ProjectStatusChanged',
            schemaVersion: v,
            at,
            accountId: mainId,
            status: 'inactive',
          }),
          teamDirectoryEvents.encode({
            type: 'SubAccountRegistered',
            schemaVersion: v,
            at,
            accountId: subId,
            externalId: null,
          }),
        ],
      },
      {
        streamId: `account-${mainId}`,
        expectedVersion: 'no_stream',
        events: [
          accountEvents.encode({ type: 'AccountCreated', ...created, accountId: mainId, kind: 'main', name: 'Team' }),
          accountEvents.encode({ type: 'AccountSuspended', schemaVersion: v, at, accountId: mainId }),
        ],
      },
      {
        streamId: `account-${subId}`,
        expectedVersion: 'no_stream',
        events: [
          accountEvents.encode({ type: 'AccountCreated', ...created, accountId: subId, kind: 'sub', name: 'Sub' }),
        ],
      },
    ]);

    expect(await schedule({ teamId, accountId: subId })).toEqual({
      ok: false,
      refusal: { type: 'last_active_project' },
    });
    expect(await kit().store.readStream(`account-${subId}`)).toHaveLength(1);
  });
});
