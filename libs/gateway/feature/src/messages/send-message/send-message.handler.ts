import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KeyIdentity, MessageView, NewMessage } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import { type MessageChannel, type MessagePriced, priceMessage, type PriceList } from '@subledger/pricing';
import { CLOCK, type Clock } from '@subledger/platform';
import { AccountsClient } from '../../clients/accounts.client';
import { expectOutcome } from '../../clients/expect-outcome';
import { LedgerClient } from '../../clients/ledger.client';
import { invalidRequest } from '../../errors';
import { type MessageResponse, toMessage } from '../../responses/message.response';
import { accountsRefusalError } from '../../responses/refusal-table';
import { PRICE_LIST } from '../price-list.provider';
import { extraFieldsOf } from './extra-fields';
import { messageIdFor } from './message-id';
import { messageRuleErrors } from './message-rules';
import { resolveChannel } from './resolve-channel';
import type { SendMessageRequest } from './send-message.request.dto';

/**
 * Sends a message (SPEC §5): validate, price, charge a live key's team before answering (a test
 * key is priced the same but never charged), then record the message with the accounts service.
 */
@Injectable()
export class SendMessageHandler {
  private readonly logger = new Logger(SendMessageHandler.name);

  constructor(
    private readonly accounts: AccountsClient,
    private readonly ledger: LedgerClient,
    @Inject(PRICE_LIST) private readonly prices: PriceList,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(identity: KeyIdentity, body: SendMessageRequest, idempotencyKey: string | undefined): Promise<MessageResponse> {
    const messageType = body.messageType ?? 'text';
    const channel = resolveChannel(body.channel, body.to, messageType);
    const errors = messageRuleErrors(body, channel);
    if (errors.length > 0) throw invalidRequest(errors);
    const priced = this.price(channel, body);
    // The key names the request; where the client put it (header or body field) is not part of it.
    const { idempotencyKey: bodyKey, ...request } = body;
    const id = messageIdFor(identity, idempotencyKey || bodyKey, request);
    const at = this.clock.now();
    const isTest = identity.environment === 'test';
    if (!isTest) await this.charge(identity, id, priced.amount, at);
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
    return toMessage(await this.record(identity, message, at));
  }

  private price(channel: MessageChannel, body: SendMessageRequest): MessagePriced {
    const pricing = priceMessage(this.prices, { channel, to: body.to, text: body.text });
    if (pricing.type === 'PricingRefused') throw invalidRequest([{ path: 'channel', message: `channel ${channel} is not offered by this gateway` }]);
    return pricing;
  }

  private async charge(identity: KeyIdentity, chargeId: string, amount: Micros, at: number): Promise<void> {
    const { teamId, accountId } = identity;
    const outcome = await this.ledger.command({ type: 'ChargeMessage', teamId, chargeId, accountId, amount, messageId: chargeId, at });
    expectOutcome(outcome, 'charge_accepted');
  }

  /**
   * A message the accounts service refuses to record was charged for nothing, so its charge is
   * refunded (once: refunds are keyed by charge). A timeout refunds nothing: the record may exist.
   */
  private async record(identity: KeyIdentity, message: NewMessage, at: number): Promise<MessageView> {
    const reply = await this.accounts.commandReply({ type: 'RecordMessage', teamId: identity.teamId, message, at });
    if (reply.ok) return reply.value.message;
    if (message.chargeId !== null) await this.refund(identity.teamId, message.chargeId, at);
    throw accountsRefusalError(reply.refusal);
  }

  private async refund(teamId: string, chargeId: string, at: number): Promise<void> {
    try {
      await this.ledger.command({ type: 'RefundCharge', teamId, chargeId, reason: 'message_not_recorded', at });
    } catch (error) {
      this.logger.error(`Refund of charge ${chargeId} after a refused message record failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
