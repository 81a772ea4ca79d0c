import { DAY_MS, replayAccount, replayTeamDirectory } from '@subledger/accounts-domain';
import { everyRowAsText } from '@subledger/test-harness';
import { accountEvents, teamDirectoryEvents } from '../team-state/account-streams';
import { createSubAccount, newKey, newMessage, teamWithSubAccount } from '../testing/accounts-fixtures';
import { BACKENDS } from '../testing/test-backends';
import { useAccountsKit } from '../testing/use-accounts-kit';

const PERSONAL = [
  'Very Private Name',
  'Renamed Privately',
  'ext-secret-77',
  'ext-secret-78',
  'meta-secret',
  '+14155550199',
  'text-secret',
  'subject-secret',
  'html-secret',
  'msg-meta-secret',
  'extra-secret',
];

describe.each(BACKENDS)('purging a deleted sub-account (%s)', (_backend, open) => {
  const kit = useAccountsKit(open, { carrier: { stepDelayMs: 0 } });

  it('erases the read model and rewrites history so that no personal data is left anywhere in the database', async () => {
    const { sub } = await teamWithSubAccount(kit(), {
      name: 'Very Private Name',
      externalId: 'ext-secret-77',
      metadata: { note: 'meta-secret', seats: 2 },
      key: newKey({ name: 'Server key' }),
    });
    await kit().ok({
      type: 'UpdateSubAccount',
      teamId: sub.teamId,
      accountId: sub.accountId,
      changes: { name: 'Renamed Privately', externalId: 'ext-secret-78' },
      at: kit().clock.now(),
    });
    const message = newMessage(sub.accountId, {
      to: '+14155550199',
      text: 'text-secret',
      subject: 'subject-secret',
      htmlBody: 'html-secret',
      metadata: { tag: 'msg-meta-secret' },
      extra: { note: 'extra-secret' },
    });
    await kit().ok({ type: 'RecordMessage', teamId: sub.teamId, message, at: kit().clock.now() });
    await kit().carrier.settled();
    expect(await everyRowAsText(kit().store)).toContain('ext-secret-78');

    const start = kit().clock.now();
    await kit().ok({ type: 'ScheduleSubAccountDeletion', teamId: sub.teamId, accountId: sub.accountId, at: start });
    kit().clock.set(start + 14 * DAY_MS - 1);
    await kit().scheduler.runDue();
    expect(await kit().read({ type: 'GetAccount', teamId: sub.teamId, accountId: sub.accountId })).toMatchObject({
      account: { status: 'pending_deletion' },
    });
    kit().clock.set(start + 14 * DAY_MS);
    const swept = (await kit().scheduler.runDue()).filter((result) => result.accountId === sub.accountId);
    expect(swept.map((result) => result.reply)).toEqual([
      { ok: true, value: { remindersRecorded: [14], purged: true } },
    ]);

    const database = await everyRowAsText(kit().store);
    expect(PERSONAL.filter((text) => database.includes(text))).toEqual([]);
    expect(database).toContain(sub.accountId);
    expect(database).toContain(message.chargeId);
  });

  it('answers the purged account as gone, keeps it in the team with no personal data, and frees its external id', async () => {
    const { sub } = await teamWithSubAccount(kit(), { externalId: 'cust-7' });
    const message = newMessage(sub.accountId);
    await kit().ok({ type: 'RecordMessage', teamId: sub.teamId, message, at: kit().clock.now() });
    await kit().carrier.settled();
    const start = kit().clock.now();
    await kit().ok({ type: 'ScheduleSubAccountDeletion', teamId: sub.teamId, accountId: sub.accountId, at: start });
    kit().clock.set(start + 14 * DAY_MS);
    await kit().scheduler.runDue();

    expect(await kit().query({ type: 'GetAccount', teamId: sub.teamId, accountId: sub.accountId })).toEqual({
      ok: false,
      refusal: { type: 'account_purged' },
    });
    expect(await kit().read({ type: 'ListSubAccounts', teamId: sub.teamId, cursor: null, limit: 10 })).toEqual({
      items: [],
      nextCursor: null,
    });
    const { accounts } = await kit().read({ type: 'GetTeam', teamId: sub.teamId });
    expect(accounts.find((account) => account.id === sub.accountId)).toEqual(
      expect.objectContaining({
        status: 'purged',
        name: '',
        externalId: null,
        metadata: null,
        creditLimit: null,
        deleteAt: null,
      }),
    );
    expect(
      await kit().read({ type: 'GetMessage', teamId: sub.teamId, accountId: sub.accountId, messageId: message.id }),
    ).toMatchObject({
      message: { to: null, text: null, metadata: null, extra: null, chargeId: message.chargeId, cost: message.cost },
    });
    expect(await kit().read({ type: 'AuthenticateKey', digest: sub.key.digest })).toMatchObject({
      identity: { revoked: true, accountStatus: 'purged' },
    });
    expect(
      await kit().command({
        type: 'RestoreSubAccount',
        teamId: sub.teamId,
        accountId: sub.accountId,
        at: kit().clock.now(),
      }),
    ).toEqual({
      ok: false,
      refusal: { type: 'account_purged' },
    });
    expect(
      await kit().command(createSubAccount(sub.teamId, kit().clock.now(), { externalId: 'cust-7' })),
    ).toMatchObject({ ok: true });
  });

  it('leaves erased streams that replay to the purged state', async () => {
    const { sub } = await teamWithSubAccount(kit(), { externalId: 'cust-8' });
    const start = kit().clock.now();
    await kit().ok({ type: 'ScheduleSubAccountDeletion', teamId: sub.teamId, accountId: sub.accountId, at: start });
    kit().clock.set(start + 14 * DAY_MS);
    await kit().scheduler.runDue();

    const account = replayAccount((await kit().store.readStream(`account-${sub.accountId}`)).map(accountEvents.decode));
    const team = replayTeamDirectory(
      (await kit().store.readStream(`team-accounts-${sub.teamId}`)).map(teamDirectoryEvents.decode),
    );
    expect(account).toMatchObject({ status: 'purged', accountId: sub.accountId, teamId: sub.teamId, kind: 'sub' });
    expect(team.status === 'created' && team.projects.get(sub.accountId)).toEqual({
      kind: 'sub',
      externalId: null,
      status: 'purged',
    });
  });
});
