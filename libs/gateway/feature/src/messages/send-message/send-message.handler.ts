import { Inject, Injectable } from '@nestjs/common';
import type { KeyIdentity, NewMessage } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import { type MessageChannel, type MessagePriced, priceMessage, type PriceList } from '@subledger/pricing';
import { CLOCK, type Clock } from '@subledger/platform';
import { AccountsClient } from '../../clients/accounts.client';
import { expectOutcome } from '../../clients/expect-outcome';
import { LedgerClient } from '../../clients/ledger.client';
import { invalidRequest } from '../../errors';
import { type MessageResponse, toMessage } from '../../responses/message.response';
import { PRICE_LIST } from '../price-list.provider';
import { extraFieldsOf } from './extra-fields';
import { messageIdFor } from './message-id';
import { messageRuleErrors } from './message-rules';
import { queuedMessageView } from './queued-message-view';
import { resolveChannel } from './resolve-channel';
import type { SendMessageRequest } from './send-message.request.dto';

/**
 * Sends a message (docs/contract.md §5): validate, price, charge a live key's team before answering (a test
 * key is priced the same but never charged), then record the message with the accounts service.
 *
 * The charge is the send's one synchronous round trip (docs/architecture.md §7, "Speed to design for"). A new
 * message's record is handed over to the accounts service on its team's partition and the answer
 * is built here: the hand-over resolves once the record can no longer be lost (Kafka acknowledged
 * it; in embedded mode the accounts service has committed it), and a read of the message that
 * arrives before the record is written waits for it (see GetMessageController). A message whose
 * id may already be recorded (the ledger replays its charge, or a test key's message named by an
 * idempotency key) is recorded through a request instead, so the answer shows it as it is. When
 * the accounts service refuses a record, it refunds the charge itself.
 */
@Injectable()
export class SendMessageHandler {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly ledger: LedgerClient,
    @Inject(PRICE_LIST) private readonly prices: PriceList,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(
    identity: KeyIdentity,
    body: SendMessageRequest,
    idempotencyKey: string | undefined,
  ): Promise<MessageResponse> {
    const messageType = body.messageType ?? 'text';
    const channel = resolveChannel(body.channel, body.to, messageType);
    const errors = messageRuleErrors(body, channel);
    if (errors.length > 0) throw invalidRequest(errors);
    const priced = this.price(channel, body);
    // The key names the request; where the client put it (header or body field) is not part of it.
    const { idempotencyKey: bodyKey, ...request } = body;
    const key = idempotencyKey || bodyKey;
    const id = messageIdFor(identity, key, request);
    const at = this.clock.now();
    const isTest = identity.environment === 'test';
    const replayed = isTest ? key !== undefined && key !== '' : await this.charge(identity, id, priced.amount, at);
    const message: NewMessage = {
      id,
      accountId: identity.accountId,
      to: body.to,
      channel,
      messageType,
      text: body.text ?? null,
      subject: body.subject ?? null,
      htmlBody: body.htmlBody ?? null,
      metadata: body.metadata === undefined || body.metadata === null ? null : { ...body.metadata },
      extra: extraFieldsOf(body),
      cost: priced.amount,
      units: priced.units,
      isTest,
      chargeId: isTest ? null : id,
    };
    const command = { type: 'RecordMessage', teamId: identity.teamId, message, at } as const;
    if (replayed) return toMessage((await this.accounts.command(command)).message);
    await this.accounts.handOver(command);
    return toMessage(queuedMessageView(identity.teamId, message, at));
  }

  private price(channel: MessageChannel, body: SendMessageRequest): MessagePriced {
    const pricing = priceMessage(this.prices, { channel, to: body.to, text: body.text });
    if (pricing.type === 'PricingRefused')
      throw invalidRequest([{ path: 'channel', message: `channel ${channel} is not offered by this gateway` }]);
    return pricing;
  }

  /** Charges the message; true when the ledger had already accepted this very charge. */
  private async charge(identity: KeyIdentity, chargeId: string, amount: Micros, at: number): Promise<boolean> {
    const { teamId, accountId } = identity;
    const outcome = await this.ledger.command({
      type: 'ChargeMessage',
      teamId,
      chargeId,
      accountId,
      amount,
      messageId: chargeId,
      at,
    });
    return expectOutcome(outcome, 'charge_accepted').replayed;
  }
}
