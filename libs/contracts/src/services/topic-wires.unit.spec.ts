import type { AccountsCommandRequest, AccountsReply } from './accounts-requests';
import type { LedgerCommandReply } from './ledger-requests';
import { topicWire } from './topic-wires';
import { Topics } from './topics';

const wire = (topic: string) => {
  const found = topicWire(topic);
  if (found === undefined) throw new Error(`no wire for ${topic}`);
  return found;
};

/** What a topic answers to a request that does not decode. */
function refusalOf(topic: string, raw: string): unknown {
  const { request, refusal } = wire(topic);
  const decoded = request.decode(raw);
  if (decoded.ok) throw new Error(`${raw} decoded`);
  return refusal(decoded.error);
}

describe('topic wires', () => {
  it('write a ledger command and its outcome with amounts as decimal strings, and read them back', () => {
    const { request, replyTo } = wire(Topics.ledgerCommands);
    const command = { type: 'TopUp', teamId: 't1', topUpId: 'u1', amount: 9_007_199_254_740_993n, at: 5 };
    const text = request.encode(command);
    expect(text).toBe('{"type":"TopUp","teamId":"t1","topUpId":"u1","amount":"9007199254740993","at":5}');
    expect(request.decode(text)).toStrictEqual({ ok: true, value: command });
    const reply: LedgerCommandReply = {
      ok: true,
      value: { type: 'refused', refusal: { reason: 'insufficient_balance', balance: -1n, amount: 2n } },
    };
    const replyText = replyTo(command).encode(reply);
    expect(replyText).toBe(
      '{"ok":true,"value":{"type":"refused","refusal":{"reason":"insufficient_balance","balance":"-1","amount":"2"}}}',
    );
    expect(replyTo(command).decode(replyText)).toStrictEqual({ ok: true, value: reply });
  });

  it('refuse a command that does not decode as the ledger refuses an invalid one', () => {
    const raw = '{"type":"TopUp","teamId":"t1","topUpId":"u1","amount":7,"at":5}';
    expect(refusalOf(Topics.ledgerCommands, raw)).toStrictEqual({
      ok: false,
      refusal: {
        type: 'invalid_command',
        field: 'amount',
        message: 'TopUp.amount must be an integer amount of micros written as a decimal string',
      },
    });
  });

  it('choose an accounts reply codec by the request type', () => {
    const { request, replyTo } = wire(Topics.accountsCommands);
    const command: AccountsCommandRequest = { type: 'RecordKeyUsage', teamId: 't1', usages: [{ keyId: 'k1', at: 3 }] };
    expect(request.decode(request.encode(command))).toStrictEqual({ ok: true, value: command });
    const reply: AccountsReply<'RecordKeyUsage'> = { ok: true, value: { recorded: 1 } };
    expect(replyTo(command).decode(replyTo(command).encode(reply))).toStrictEqual({ ok: true, value: reply });
    expect(replyTo({ type: 'GetTeam' }).decode('{"ok":true,"value":{"recorded":1}}')).toMatchObject({
      ok: false,
      error: { reason: 'invalid_field', field: 'value.recorded' },
    });
  });

  it("carry the accounts service's own commands and their replies", () => {
    const { request, replyTo } = wire(Topics.accountsCommands);
    const command = {
      type: 'AdvanceMessages',
      teamId: 't1',
      steps: [{ messageId: 'm1', status: 'failed', errorCode: 'carrier_rejected' }],
      at: 9,
    };
    expect(request.decode(request.encode(command))).toStrictEqual({ ok: true, value: command });
    const reply = { ok: true, value: { steps: [{ ok: false, refusal: { type: 'message_not_found' } }] } };
    expect(replyTo(command).decode(replyTo(command).encode(reply))).toStrictEqual({ ok: true, value: reply });
  });

  it('answer an accounts request of an unknown type as not allowed', () => {
    expect(refusalOf(Topics.accountsQueries, '{"type":"DropTables"}')).toStrictEqual({
      ok: false,
      refusal: { type: 'invalid', violations: [{ field: 'type', reason: 'not_allowed' }] },
    });
  });

  it('leave topics without a request-reply contract alone', () => {
    expect(topicWire(Topics.ledgerEvents)).toBeUndefined();
    expect(topicWire('constructor')).toBeUndefined();
  });
});
