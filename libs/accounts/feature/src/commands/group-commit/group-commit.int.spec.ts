import { DAY_MS } from '@subledger/accounts-domain';
import type { AccountsOrderedRead, NewMessage } from '@subledger/contracts';
import { createSubAccount, newMessage, teamWithSubAccount } from '../../testing/accounts-fixtures';
import type { AccountsTestKit } from '../../testing/accounts-test-kit';
import { BACKENDS } from '../../testing/test-backends';
import { useAccountsKit } from '../../testing/use-accounts-kit';
import type { DeliveryStatus } from '@subledger/contracts';
import type { AccountsCommandMessage } from '../../accounts-internal-command';

const record = (kit: AccountsTestKit, teamId: string, message: NewMessage) =>
  ({ type: 'RecordMessage', teamId, message, at: kit.clock.now() }) as const;

const advance = (kit: AccountsTestKit, teamId: string, messageId: string, status: DeliveryStatus) =>
  ({
    type: 'AdvanceMessage',
    teamId,
    messageId,
    status,
    errorCode: status === 'failed' ? 'delivery_failed' : null,
    at: kit.clock.now(),
  }) as const;

const getMessage = (teamId: string, accountId: string, messageId: string): AccountsOrderedRead => ({
  type: 'GetMessage',
  teamId,
  accountId,
  messageId,
});

/** The refunds the ledger stand-in applied (not replayed) for a charge. */
const refundsApplied = (kit: AccountsTestKit, chargeId: string | null) =>
  kit.ledger.answered.filter(
    ({ outcome }) => outcome.type === 'charge_refunded' && outcome.chargeId === chargeId && !outcome.replayed,
  ).length;

describe.each(BACKENDS)('gathered commands committed together (%s)', (_backend, open) => {
  // The carrier waits an hour per step, so that no report of its own lands in these batches.
  const kit = useAccountsKit(open, { carrier: { stepDelayMs: 3_600_000, failureRate: 0 } });

  async function messageRows(accountId: string) {
    const { rows } = await kit().store.sql.query(
      `SELECT id, status, refunded, to_address, updated_at::text FROM ${kit().store.quotedSchema}.accounts_messages WHERE account_id = $1 ORDER BY seq`,
      [accountId],
    );
    return rows;
  }

  it('writes records, reports and lifecycle commands of one batch in partition order, each seeing every command before it', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { teamId } = sub;
    const earlier = newMessage(sub.accountId);
    await kit().ok(record(kit(), teamId, earlier));
    const first = newMessage(sub.accountId);
    const newcomer = createSubAccount(teamId, kit().clock.now());
    const second = newMessage(newcomer.accountId);

    const replies = await kit().inOneBatch(teamId, [
      { handOver: record(kit(), teamId, first) },
      advance(kit(), teamId, earlier.id, 'sent'),
      newcomer,
      record(kit(), teamId, second),
      advance(kit(), teamId, first.id, 'sent'),
      getMessage(teamId, newcomer.accountId, second.id),
      { type: 'RecordKeyUsage', teamId, usages: [{ keyId: sub.key.keyId, at: kit().clock.now() }] },
    ]);

    const now = (id: string, accountId: string) => kit().read({ type: 'GetMessage', teamId, accountId, messageId: id });
    expect(replies).toEqual([
      undefined,
      { ok: true, value: await now(earlier.id, sub.accountId) },
      {
        ok: true,
        value: expect.objectContaining({
          account: expect.objectContaining({ id: newcomer.accountId, status: 'active' }),
        }),
      },
      { ok: true, value: await now(second.id, newcomer.accountId) },
      { ok: true, value: await now(first.id, sub.accountId) },
      { ok: true, value: await now(second.id, newcomer.accountId) },
      { ok: true, value: { recorded: 1 } },
    ]);
    expect((await messageRows(sub.accountId)).map((row) => [row['id'], row['status']])).toEqual([
      [earlier.id, 'sent'],
      [first.id, 'sent'],
    ]);
    expect((await now(second.id, newcomer.accountId)).message.status).toBe('queued');
    const keys = await kit().read({ type: 'ListApiKeys', teamId, accountId: sub.accountId });
    expect(keys.items.map((key) => key.lastUsedAt)).toEqual([kit().clock.now()]);
  });

  it('commits the records before a purge in its batch, so that it erases them, and refunds a record after it', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { teamId, accountId } = sub;
    const start = kit().clock.now();
    await kit().ok({ type: 'ScheduleSubAccountDeletion', teamId, accountId, at: start });
    kit().clock.set(start + 14 * DAY_MS);
    const before = newMessage(accountId);
    const after = newMessage(accountId);

    const replies = await kit().inOneBatch(teamId, [
      record(kit(), teamId, before),
      { type: 'RunDeletionSchedule', teamId, accountId, at: kit().clock.now() },
      record(kit(), teamId, after),
    ]);

    expect(replies).toMatchObject([
      { ok: true, value: { message: { id: before.id, status: 'queued', to: before.to } } },
      { ok: true, value: { purged: true } },
      { ok: false, refusal: { type: 'account_purged' } },
    ]);
    expect(await messageRows(accountId)).toEqual([expect.objectContaining({ id: before.id, to_address: null })]);
    expect(
      kit()
        .ledger.of('RefundCharge')
        .filter((refund) => refund.teamId === teamId),
    ).toEqual([
      { type: 'RefundCharge', teamId, chargeId: after.chargeId, reason: 'message_not_recorded', at: kit().clock.now() },
    ]);
  });

  it('refunds once the charge of a live message it cannot record though nobody waits for the reply, and never a test message', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { sub: stranger } = await teamWithSubAccount(kit());
    const held = newMessage(stranger.accountId);
    await kit().ok(record(kit(), stranger.teamId, held));
    const ofStranger = newMessage(stranger.accountId);
    const sameId = newMessage(sub.accountId, { id: held.id });
    const test = newMessage(stranger.accountId, { isTest: true, chargeId: null });
    const refused = [ofStranger, sameId, test].map((message) => ({ handOver: record(kit(), sub.teamId, message) }));

    await kit().inOneBatch(sub.teamId, refused);
    await kit().inOneBatch(sub.teamId, refused);

    const asked = kit()
      .ledger.of('RefundCharge')
      .filter((refund) => refund.teamId === sub.teamId);
    expect(new Set(asked.map((refund) => [refund.chargeId, refund.reason].join(' ')))).toEqual(
      new Set([`${ofStranger.chargeId} message_not_recorded`, `${sameId.chargeId} message_not_recorded`]),
    );
    expect([ofStranger, sameId].map((message) => refundsApplied(kit(), message.chargeId))).toEqual([1, 1]);
    expect(await messageRows(sub.accountId)).toEqual([]);
    expect(await kit().read(getMessage(stranger.teamId, stranger.accountId, held.id))).toMatchObject({
      message: { accountId: stranger.accountId },
    });
  });

  it('answers a record that asks for a reply with its refusal, and refunds it all the same', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { sub: stranger } = await teamWithSubAccount(kit());
    const message = newMessage(stranger.accountId);

    expect(await kit().command(record(kit(), sub.teamId, message))).toEqual({
      ok: false,
      refusal: { type: 'account_not_found' },
    });
    expect(refundsApplied(kit(), message.chargeId)).toBe(1);
  });

  it('answers ordered reads once every command before them is committed, with the replies of the queries', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { teamId, accountId } = sub;
    const message = newMessage(accountId);
    const list = { type: 'ListMessages', teamId, accountId, cursor: null, limit: 10 } as const;

    const [, got, listed, missing, badCursor] = await kit().inOneBatch(teamId, [
      { handOver: record(kit(), teamId, message) },
      getMessage(teamId, accountId, message.id),
      list,
      getMessage(teamId, 'acc-someone-else', message.id),
      { ...list, cursor: 'not-ours' },
    ]);

    expect(got).toEqual({ ok: true, value: await kit().read(getMessage(teamId, accountId, message.id)) });
    expect(listed).toEqual({ ok: true, value: await kit().read(list) });
    expect(listed).toMatchObject({ value: { items: [{ id: message.id, status: 'queued' }], nextCursor: null } });
    expect(missing).toEqual({ ok: false, refusal: { type: 'message_not_found' } });
    expect(badCursor).toEqual({ ok: false, refusal: { type: 'invalid_cursor' } });
  });

  it('delivered again after a failed commit, a batch records once and refunds once; delivered again after its commit, it changes nothing', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { teamId, accountId } = sub;
    const failing = newMessage(accountId);
    await kit().ok(record(kit(), teamId, failing));
    await kit().ok(advance(kit(), teamId, failing.id, 'sent'));
    const fresh = newMessage(accountId);
    const table = `${kit().store.quotedSchema}.accounts_messages`;
    let refundsAsked = 0;
    // The first refund is answered, then the commit fails on a new rule; the redelivery finds it gone.
    kit().ledger.before = async (command) => {
      if (command.type !== 'RefundCharge' || command.chargeId !== failing.chargeId) return;
      refundsAsked += 1;
      if (refundsAsked === 1)
        await kit().store.sql.query(
          `ALTER TABLE ${table} ADD CONSTRAINT no_failures_yet CHECK (status <> 'failed') NOT VALID`,
        );
      else await kit().store.sql.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS no_failures_yet`);
    };
    const batch: AccountsCommandMessage[] = [
      record(kit(), teamId, fresh),
      advance(kit(), teamId, failing.id, 'failed'),
      advance(kit(), teamId, fresh.id, 'sent'),
    ];

    const replies = await kit().inOneBatch(teamId, batch);
    kit().ledger.before = async () => undefined;
    const rows = await messageRows(accountId);

    expect(refundsAsked).toBe(2);
    expect(refundsApplied(kit(), failing.chargeId)).toBe(1);
    expect(rows.map((row) => [row['id'], row['status'], row['refunded']])).toEqual([
      [failing.id, 'failed', true],
      [fresh.id, 'sent', false],
    ]);
    expect(replies).toMatchObject([
      { ok: true, value: { message: { id: fresh.id, status: 'queued' } } },
      {
        ok: true,
        value: { message: { id: failing.id, status: 'failed', refunded: true, errorCode: 'delivery_failed' } },
      },
      { ok: true, value: { message: { id: fresh.id, status: 'sent' } } },
    ]);

    kit().clock.advance(1_000);
    const again = await kit().inOneBatch(teamId, batch);
    expect(again).toEqual([
      { ok: true, value: await kit().read(getMessage(teamId, accountId, fresh.id)) },
      { ok: true, value: await kit().read(getMessage(teamId, accountId, failing.id)) },
      { ok: true, value: await kit().read(getMessage(teamId, accountId, fresh.id)) },
    ]);
    expect(await messageRows(accountId)).toEqual(rows);
    expect(
      kit()
        .ledger.of('RefundCharge')
        .filter((refund) => refund.chargeId === failing.chargeId),
    ).toHaveLength(2);
  });
});
