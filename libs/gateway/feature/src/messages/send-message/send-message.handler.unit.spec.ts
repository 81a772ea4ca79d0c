import type { AccountsReplies, KeyIdentity, LedgerCommand, LedgerOutcome, NewMessage } from '@subledger/contracts';
import { ManualClock } from '@subledger/platform';
import { parsePriceList } from '@subledger/pricing';
import type { AccountsClient } from '../../clients/accounts.client';
import type { LedgerClient } from '../../clients/ledger.client';
import { accountsRefusalError } from '../../responses/refusal-table';
import { messageView } from '../../responses/testing/views';
import { ApiError } from '../../shared';
import { SendMessageHandler } from './send-message.handler';
import type { SendMessageRequest } from './send-message.request.dto';

const prices = parsePriceList({
  channels: {
    sms: { default: '75000', prefixes: { '+1': '7900' } },
    whatsapp: { default: '20000' },
    email: { default: '1000' },
  },
});

const live: KeyIdentity = {
  keyId: 'key_1',
  accountId: 'proj_1',
  teamId: 'team_1',
  accountKind: 'sub',
  accountStatus: 'active',
  environment: 'live',
  revoked: false,
  digest: 'digest_1',
};

/** Fake services that remember what they were asked, in order. */
function harness(options: { charge?: LedgerOutcome['type']; replayed?: boolean; record?: 'ok' | 'refused' } = {}) {
  const calls: string[] = [];
  const commands: LedgerCommand[] = [];
  const recorded: NewMessage[] = [];
  const ledger = {
    command: jest.fn(async (command: LedgerCommand): Promise<LedgerOutcome> => {
      calls.push(command.type);
      commands.push(command);
      if (options.charge === 'charge_refused') {
        return {
          type: 'charge_refused',
          chargeId: 'c',
          accountId: 'proj_1',
          amount: 7_900n,
          reason: 'insufficient_balance',
          creditLimit: null,
          totalSpent: 0n,
          balance: 100n,
          replayed: false,
        };
      }
      return {
        type: 'charge_accepted',
        chargeId: 'c',
        accountId: 'proj_1',
        amount: 7_900n,
        balance: 0n,
        totalSpent: 7_900n,
        replayed: options.replayed ?? false,
      };
    }),
  };
  const accounts = {
    handOver: jest.fn(async (request: { type: string; message: NewMessage }): Promise<void> => {
      calls.push(`${request.type} handed over`);
      recorded.push(request.message);
    }),
    command: jest.fn(
      async (request: { type: string; message: NewMessage }): Promise<AccountsReplies['RecordMessage']> => {
        calls.push(`${request.type} asked`);
        recorded.push(request.message);
        if (options.record === 'refused') throw accountsRefusalError({ type: 'account_purged' });
        return {
          message: messageView({
            ...request.message,
            teamId: 'team_1',
            status: 'delivered',
            refunded: false,
            errorCode: null,
            createdAt: 0,
            updatedAt: 5,
          }),
        };
      },
    ),
  };
  const handler = new SendMessageHandler(
    accounts as unknown as AccountsClient,
    ledger as unknown as LedgerClient,
    prices,
    new ManualClock(Date.UTC(2026, 0, 1)),
  );
  return { handler, calls, commands, recorded };
}

const sms = (fields: Partial<SendMessageRequest> = {}) =>
  ({ to: '+14155550100', text: 'Hello', ...fields }) as SendMessageRequest;

async function refusal(run: Promise<unknown>): Promise<ApiError> {
  const error = await run.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('sending a message', () => {
  it('charges a live key, then hands the record over and answers it as recorded, with the message id as charge id', async () => {
    const { handler, calls, commands, recorded } = harness();
    const message = await handler.send(live, sms(), undefined);
    expect(calls).toEqual(['ChargeMessage', 'RecordMessage handed over']);
    expect(commands[0]).toEqual({
      type: 'ChargeMessage',
      teamId: 'team_1',
      chargeId: message.id,
      accountId: 'proj_1',
      amount: 7_900n,
      messageId: message.id,
      at: Date.UTC(2026, 0, 1),
    });
    expect(recorded[0]).toMatchObject({
      id: message.id,
      channel: 'sms',
      messageType: 'text',
      cost: 7_900n,
      units: 1,
      isTest: false,
      chargeId: message.id,
    });
    const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
    expect(message).toMatchObject({
      id: message.id,
      to: '+14155550100',
      status: 'queued',
      text: 'Hello',
      cost: 0.0079,
      costProvider: 0,
      costTotal: 0.0079,
      createdAt: at,
      updatedAt: at,
    });
  });

  it('asks for the record of a charge the ledger replays, and answers the message as it is now', async () => {
    const { handler, calls } = harness({ replayed: true });
    const message = await handler.send(live, sms(), 'order-42');
    expect(calls).toEqual(['ChargeMessage', 'RecordMessage asked']);
    expect(message.status).toBe('delivered');
  });

  it('answers the refusal of a record asked for (the accounts service refunds the charge itself)', async () => {
    const { handler, calls } = harness({ replayed: true, record: 'refused' });
    const error = await refusal(handler.send(live, sms(), 'order-42'));
    expect(error.code).toBe('sub_account_not_found');
    expect(calls).toEqual(['ChargeMessage', 'RecordMessage asked']);
  });

  it('prices a test key the same and never charges it', async () => {
    const { handler, calls, recorded } = harness();
    const message = await handler.send({ ...live, environment: 'test' }, sms({ text: 'x'.repeat(161) }), undefined);
    expect(calls).toEqual(['RecordMessage handed over']);
    expect(recorded[0]).toMatchObject({ isTest: true, chargeId: null, units: 2, cost: 15_800n });
    expect(message.cost).toBe(0.0158);
  });

  it('names the same charge on a retry with the same idempotency key, from the header or the body', async () => {
    const { handler, commands } = harness();
    await handler.send(live, sms(), 'order-42');
    await handler.send(live, sms({ idempotencyKey: 'order-42' }), undefined);
    await handler.send(live, sms({ idempotencyKey: 'other' }), 'order-42');
    const ids = commands.map((command) => (command.type === 'ChargeMessage' ? command.chargeId : ''));
    expect(new Set(ids).size).toBe(1);
  });

  it('records nothing when the ledger refuses the charge, and answers its 402', async () => {
    const { handler, calls } = harness({ charge: 'charge_refused' });
    const error = await refusal(handler.send(live, sms(), undefined));
    expect([error.getStatus(), error.code]).toEqual([402, 'insufficient_balance']);
    expect(calls).toEqual(['ChargeMessage']);
  });

  it('asks for the record of a test message named by an idempotency key, which may exist already', async () => {
    const { handler, calls } = harness();
    await handler.send({ ...live, environment: 'test' }, sms(), 'order-42');
    expect(calls).toEqual(['RecordMessage asked']);
  });

  it('refuses a broken request before pricing or charging anything', async () => {
    const { handler, calls } = harness();
    const error = await refusal(handler.send(live, sms({ to: 'ana@example.com' }), undefined));
    expect(error.details).toEqual({ errors: [{ path: 'subject', message: 'subject is required for an email' }] });
    expect(calls).toEqual([]);
  });

  it('refuses a channel the price list does not price with 400', async () => {
    const { handler, calls } = harness();
    const error = await refusal(handler.send(live, sms({ channel: 'telegram' }), undefined));
    expect([error.getStatus(), error.code]).toEqual([400, 'invalid_request']);
    expect(calls).toEqual([]);
  });

  it('sends a non-text message over WhatsApp and an email address by email', async () => {
    const { handler, recorded } = harness();
    await handler.send(live, sms({ messageType: 'image', text: undefined }), undefined);
    await handler.send(live, { to: 'ana@example.com', subject: 'Hi', text: 'Hello' } as SendMessageRequest, undefined);
    expect(recorded.map((message) => [message.channel, message.cost])).toEqual([
      ['whatsapp', 20_000n],
      ['email', 1_000n],
    ]);
  });
});
