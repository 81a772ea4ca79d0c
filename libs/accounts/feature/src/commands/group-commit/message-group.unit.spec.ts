import type { NewMessage } from '@subledger/contracts';
import type { MessageState, StoredMessage } from '../../read-model/message-rows';
import { MessageGroup, type MessageOutcome } from './message-group';

const teamId = 'team-1';
const accountId = 'acc-1';
const at = 1_700_000_000_000;

function newMessage(id: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id,
    accountId,
    to: '+14155550100',
    channel: 'sms',
    messageType: 'text',
    text: 'Hi',
    subject: null,
    htmlBody: null,
    metadata: { b: 1, a: { deep: [1, 'x'] } },
    extra: null,
    cost: 7_500n,
    units: 1,
    isTest: false,
    chargeId: id,
    ...overrides,
  };
}

/** Committed records, as a reply reads them once its group is committed. */
const records = new Map<string, StoredMessage>();

/** A record committed before the group; the group itself gets its state only. */
function stored(id: string, overrides: Partial<StoredMessage> = {}): MessageState {
  const group = new MessageGroup([]);
  group.record(teamId, newMessage(id), at - 1_000, 'ok');
  const record = { ...group.inserts()[0], ...overrides };
  records.set(id, record);
  const { team_id, account_id, status, channel, is_test, charge_id, refunded, error_code, updated_at } = record;
  return { id, team_id, account_id, status, channel, is_test, charge_id, refunded, error_code, updated_at };
}

function viewOf(outcome: MessageOutcome) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.type}`);
  const snapshot = outcome.value;
  return MessageGroup.view(snapshot, MessageGroup.needsContent(snapshot) ? records.get(snapshot.row.id) : undefined);
}

const step = (messageId: string, status: 'sent' | 'delivered' | 'failed') => ({
  messageId,
  status,
  errorCode: status === 'failed' ? 'delivery_failed' : null,
});

describe('a group of message records', () => {
  it('records a new message as queued, to be inserted and handed to the carrier, and shows it as a query will', () => {
    const group = new MessageGroup([]);
    const message = newMessage('m1');
    const view = viewOf(group.record(teamId, message, at, 'ok'));

    expect(view).toEqual({
      ...message,
      teamId,
      status: 'queued',
      refunded: false,
      errorCode: null,
      createdAt: at,
      updatedAt: at,
    });
    expect(view.metadata).not.toBe(message.metadata);
    expect(group.inserts().map((row) => row.id)).toEqual(['m1']);
    expect(group.changes()).toEqual([]);
    expect(group.dispatches()).toEqual([{ teamId, accountId, messageId: 'm1', channel: 'sms', isTest: false }]);
    expect(group.refunds()).toEqual([]);
  });

  it('answers a record delivered again with the message as it is now, even once the account is gone, and hands it on only while queued', () => {
    const group = new MessageGroup([stored('queued'), stored('sent', { status: 'sent' })]);

    expect(viewOf(group.record(teamId, newMessage('queued'), at, 'account_purged'))).toMatchObject({
      id: 'queued',
      status: 'queued',
      createdAt: at - 1_000,
    });
    expect(viewOf(group.record(teamId, newMessage('sent'), at, 'ok'))).toMatchObject({ status: 'sent' });
    expect(group.inserts()).toEqual([]);
    expect(group.dispatches().map((message) => message.messageId)).toEqual(['queued']);
    expect(group.refunds()).toEqual([]);
  });

  it('refuses a record the team does not allow, or whose id another account holds, and refunds a live one once', () => {
    const group = new MessageGroup([
      stored('taken', { account_id: 'acc-other' }),
      stored('elsewhere', { team_id: 'team-other' }),
    ]);
    const outcomes = [
      group.record(teamId, newMessage('m1'), at, 'account_not_found'),
      group.record(teamId, newMessage('m1'), at, 'account_not_found'),
      group.record(teamId, newMessage('m2'), at, 'account_purged'),
      group.record(teamId, newMessage('taken'), at, 'ok'),
      group.record(teamId, newMessage('elsewhere'), at, 'ok'),
      group.record(teamId, newMessage('test', { isTest: true, chargeId: null }), at, 'account_purged'),
    ];

    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.type))).toEqual([
      'account_not_found',
      'account_not_found',
      'account_purged',
      'invalid',
      'invalid',
      'account_purged',
    ]);
    expect(outcomes[3]).toEqual({
      ok: false,
      error: { type: 'invalid', violations: [{ field: 'message.id', reason: 'duplicate' }] },
    });
    expect(group.refunds()).toEqual(
      ['m1', 'm2', 'taken', 'elsewhere'].map((chargeId) => ({
        command: { type: 'RefundCharge', teamId, chargeId, reason: 'message_not_recorded', at },
        messageId: null,
      })),
    );
    expect([...group.inserts(), ...group.changes(), ...group.dispatches()]).toEqual([]);
  });

  it('moves statuses forward only, answering a late or repeated step with the message unchanged', () => {
    const group = new MessageGroup([stored('m1'), stored('done', { status: 'delivered' })]);
    const statuses = [
      group.advance(teamId, step('m1', 'sent'), at),
      group.advance(teamId, step('m1', 'sent'), at + 1),
      group.advance(teamId, step('m1', 'delivered'), at + 2),
      group.advance(teamId, step('m1', 'sent'), at + 3),
      group.advance(teamId, step('done', 'failed'), at + 4),
    ].map((outcome) => viewOf(outcome));

    expect(statuses.map((view) => [view.status, view.updatedAt])).toEqual([
      ['sent', at],
      ['sent', at],
      ['delivered', at + 2],
      ['delivered', at + 2],
      ['delivered', at - 1_000],
    ]);
    expect(group.changes().map((row) => [row.id, row.status])).toEqual([['m1', 'delivered']]);
    expect(group.refunds()).toEqual([]);
  });

  it('knows no message of another team, nor one never recorded', () => {
    const group = new MessageGroup([stored('m1', { team_id: 'team-other' })]);
    expect(group.advance(teamId, step('m1', 'sent'), at)).toEqual({ ok: false, error: { type: 'message_not_found' } });
    expect(group.advance(teamId, step('nope', 'sent'), at)).toEqual({
      ok: false,
      error: { type: 'message_not_found' },
    });
  });

  it('asks the refund of a failed live message before its row says refunded, and writes what the ledger answered', () => {
    const group = new MessageGroup([
      stored('refunded'),
      stored('refused'),
      stored('test', { is_test: true, charge_id: null }),
      stored('old', { status: 'sent', refunded: true }),
    ]);
    const failed = ['refunded', 'refused', 'test', 'old'].map((id) => group.advance(teamId, step(id, 'failed'), at));

    expect(group.refunds()).toEqual(
      ['refunded', 'refused'].map((id) => ({
        command: { type: 'RefundCharge', teamId, chargeId: id, reason: 'delivery_failed', at },
        messageId: id,
      })),
    );
    group.settleRefund('refunded', true);
    group.settleRefund('refused', false);
    expect(group.refunds()).toEqual([]);
    expect(failed.map((outcome) => viewOf(outcome).refunded)).toEqual([true, false, false, true]);
    expect(group.changes().map((row) => [row.id, row.status, row.refunded, row.error_code])).toEqual([
      ['refunded', 'failed', true, 'delivery_failed'],
      ['refused', 'failed', false, 'delivery_failed'],
      ['test', 'failed', false, 'delivery_failed'],
      ['old', 'failed', true, 'delivery_failed'],
    ]);
  });

  it('inserts a message recorded and advanced in the same group once, in the state it ended in, keeping each reply as its command left it', () => {
    const group = new MessageGroup([]);
    const recorded = group.record(teamId, newMessage('m1'), at, 'ok');
    const sent = group.advance(teamId, step('m1', 'sent'), at + 1);
    const failed = group.advance(teamId, step('m1', 'failed'), at + 2);
    group.settleRefund('m1', true);

    expect(
      [recorded, sent, failed].map((outcome) => viewOf(outcome)).map((view) => [view.status, view.refunded]),
    ).toEqual([
      ['queued', false],
      ['sent', false],
      ['failed', true],
    ]);
    expect(group.inserts().map((row) => [row.id, row.status, row.refunded, row.created_at, row.updated_at])).toEqual([
      ['m1', 'failed', true, String(at), String(at + 2)],
    ]);
    expect(group.changes()).toEqual([]);
    expect(group.dispatches()).toEqual([]);
  });
});
