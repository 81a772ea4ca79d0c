import { type NewMessage, Topics } from '@subledger/contracts';
import { newMessage, teamWithSubAccount } from '../../testing/accounts-fixtures';
import type { AccountsTestKit } from '../../testing/accounts-test-kit';
import { BACKENDS } from '../../testing/test-backends';
import { useAccountsKit } from '../../testing/use-accounts-kit';

async function record(kit: AccountsTestKit, teamId: string, message: NewMessage) {
  return kit.ok({ type: 'RecordMessage', teamId, message, at: kit.clock.now() });
}

describe.each(BACKENDS)('message records, every delivery succeeding (%s)', (_backend, open) => {
  const kit = useAccountsKit(open, { carrier: { failureRate: 0, random: () => 0 } });

  it('records a message as queued, and the simulator moves it to sent, then delivered', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const message = newMessage(sub.accountId);
    const recordedAt = kit().clock.now();
    const { message: recorded } = await record(kit(), sub.teamId, message);

    expect(recorded).toEqual({
      ...message,
      teamId: sub.teamId,
      status: 'queued',
      refunded: false,
      errorCode: null,
      createdAt: recordedAt,
      updatedAt: recordedAt,
    });
    await kit().carrier.settled();
    expect(
      await kit().read({ type: 'GetMessage', teamId: sub.teamId, accountId: sub.accountId, messageId: message.id }),
    ).toEqual({
      message: { ...recorded, status: 'delivered' },
    });
    expect(kit().ledger.of('RefundCharge')).toEqual([]);
  });

  it('answers a redelivered record with the same message, stored once', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const message = newMessage(sub.accountId);
    const first = await record(kit(), sub.teamId, message);
    await kit().carrier.settled();

    expect(await record(kit(), sub.teamId, message)).toEqual({ message: { ...first.message, status: 'delivered' } });
    const { items } = await kit().read({
      type: 'ListMessages',
      teamId: sub.teamId,
      accountId: sub.accountId,
      cursor: null,
      limit: 10,
    });
    expect(items.map((item) => item.id)).toEqual([message.id]);
  });

  it('moves statuses forward only: a late report changes nothing', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const message = newMessage(sub.accountId);
    await record(kit(), sub.teamId, message);
    await kit().carrier.settled();
    const late = await kit().ok({
      type: 'AdvanceMessage',
      teamId: sub.teamId,
      messageId: message.id,
      status: 'sent',
      errorCode: null,
      at: kit().clock.now(),
    });

    expect(late.message.status).toBe('delivered');
    // A report of `queued` is one no carrier may send: the command's type does not even allow it.
    const bogus = {
      type: 'AdvanceMessage',
      teamId: sub.teamId,
      messageId: message.id,
      status: 'queued',
      errorCode: null,
      at: kit().clock.now(),
    };
    expect(await kit().bus.request(Topics.accountsCommands, sub.teamId, bogus, { timeoutMs: 10_000 })).toEqual({
      ok: false,
      refusal: { type: 'invalid', violations: [{ field: 'status', reason: 'not_allowed' }] },
    });
  });

  it('shows an account only its own messages, filtered by status, channel and recipient, in pages', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { sub: other } = await teamWithSubAccount(kit());
    const sms = newMessage(sub.accountId, { to: '+14155550111' });
    const email = newMessage(sub.accountId, {
      to: 'ana@example.com',
      channel: 'email',
      messageType: 'text',
      subject: 'Hi',
    });
    const later = newMessage(sub.accountId, { to: '+14155550111' });
    for (const message of [sms, email, later]) await record(kit(), sub.teamId, message);
    const foreign = newMessage(other.accountId);
    await record(kit(), other.teamId, foreign);
    await kit().carrier.settled();
    const list = {
      type: 'ListMessages',
      teamId: sub.teamId,
      accountId: sub.accountId,
      cursor: null,
      limit: 2,
    } as const;

    const first = await kit().read(list);
    expect(first.items.map((item) => item.id)).toEqual([sms.id, email.id]);
    const second = await kit().read({ ...list, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: later.id })], nextCursor: null });
    expect((await kit().read({ ...list, limit: 10, channel: 'email' })).items.map((item) => item.id)).toEqual([
      email.id,
    ]);
    expect((await kit().read({ ...list, limit: 10, to: '+14155550111' })).items.map((item) => item.id)).toEqual([
      sms.id,
      later.id,
    ]);
    expect((await kit().read({ ...list, limit: 10, status: 'queued' })).items).toEqual([]);
    expect(
      await kit().query({ type: 'GetMessage', teamId: sub.teamId, accountId: sub.accountId, messageId: foreign.id }),
    ).toEqual({
      ok: false,
      refusal: { type: 'message_not_found' },
    });
    expect(
      await kit().query({ type: 'GetMessage', teamId: other.teamId, accountId: other.accountId, messageId: sms.id }),
    ).toEqual({
      ok: false,
      refusal: { type: 'message_not_found' },
    });
  });

  it('refuses a message of an account the team does not have', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const { sub: other } = await teamWithSubAccount(kit());
    expect(
      await kit().command({
        type: 'RecordMessage',
        teamId: sub.teamId,
        message: newMessage(other.accountId),
        at: kit().clock.now(),
      }),
    ).toEqual({
      ok: false,
      refusal: { type: 'account_not_found' },
    });
  });
});

describe.each(BACKENDS)('message records, every delivery failing (%s)', (_backend, open) => {
  const kit = useAccountsKit(open, { carrier: { failureRate: 1 } });

  it('refunds a failed live message exactly once, even when the failure is reported twice', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const message = newMessage(sub.accountId);
    await record(kit(), sub.teamId, message);
    await kit().carrier.settled();
    const again = await kit().ok({
      type: 'AdvanceMessage',
      teamId: sub.teamId,
      messageId: message.id,
      status: 'failed',
      errorCode: 'delivery_failed',
      at: kit().clock.now(),
    });

    expect(
      kit()
        .ledger.of('RefundCharge')
        .filter((refund) => refund.chargeId === message.chargeId),
    ).toEqual([
      {
        type: 'RefundCharge',
        teamId: sub.teamId,
        chargeId: message.chargeId,
        reason: 'delivery_failed',
        at: kit().clock.now(),
      },
    ]);
    expect(again.message).toMatchObject({ status: 'failed', refunded: true, errorCode: 'delivery_failed' });
    expect(
      await kit().read({ type: 'GetMessage', teamId: sub.teamId, accountId: sub.accountId, messageId: message.id }),
    ).toMatchObject({
      message: { status: 'failed', refunded: true },
    });
  });

  it('never refunds a test message, which was never charged', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const message = newMessage(sub.accountId, { isTest: true, chargeId: null });
    await record(kit(), sub.teamId, message);
    await kit().carrier.settled();

    expect(
      await kit().read({ type: 'GetMessage', teamId: sub.teamId, accountId: sub.accountId, messageId: message.id }),
    ).toMatchObject({
      message: { status: 'failed', refunded: false, isTest: true },
    });
    expect(
      kit()
        .ledger.of('RefundCharge')
        .filter((refund) => refund.teamId === sub.teamId),
    ).toEqual([]);
  });

  it('keeps a failed message unrefunded when the ledger refuses the refund', async () => {
    const { sub } = await teamWithSubAccount(kit());
    const message = newMessage(sub.accountId);
    kit().ledger.override = (command) =>
      command.type === 'RefundCharge'
        ? { type: 'refused', refusal: { reason: 'charge_not_found', chargeId: command.chargeId } }
        : null;
    await record(kit(), sub.teamId, message);
    await kit().carrier.settled();
    kit().ledger.override = () => null;

    expect(
      await kit().read({ type: 'GetMessage', teamId: sub.teamId, accountId: sub.accountId, messageId: message.id }),
    ).toMatchObject({
      message: { status: 'failed', refunded: false },
    });
  });
});
