import type { CurrencyCode, Micros } from '@subledger/money';
import { billingUnitOf, isMessageChannel, type MessageChannel } from './message-channel';
import type { PriceList } from './price-list/price-list';
import { unitPriceFor } from './price-list/unit-price-lookup';
import { countSmsSegments } from './sms/count-sms-segments';
import type { SmsEncoding } from './sms/sms-encoding';

export interface PriceMessageInput {
  /** A resolved channel; `auto` must be resolved by the caller first. */
  readonly channel: string;
  /** An E.164 number, an email address or a chat id. */
  readonly to: string;
  readonly text?: string;
}

export interface MessagePriced {
  readonly type: 'MessagePriced';
  readonly channel: MessageChannel;
  readonly currency: CurrencyCode;
  /** Billed units: SMS segments, or 1 for a channel billed per message. */
  readonly units: number;
  readonly unitPrice: Micros;
  readonly amount: Micros;
  /** Present for SMS channels only. */
  readonly segments?: number;
  readonly encoding?: SmsEncoding;
}

export type PricingRefusalReason = 'unknown_channel' | 'channel_not_priced';

export interface PricingRefused {
  readonly type: 'PricingRefused';
  readonly reason: PricingRefusalReason;
  readonly channel: string;
  readonly message: string;
}

export type MessagePricing = MessagePriced | PricingRefused;

export function priceMessage(priceList: PriceList, input: PriceMessageInput): MessagePricing {
  const { channel } = input;
  if (!isMessageChannel(channel)) {
    return { type: 'PricingRefused', reason: 'unknown_channel', channel, message: `"${channel}" is not a channel` };
  }
  const prices = priceList.channels[channel];
  if (prices === undefined) {
    return {
      type: 'PricingRefused',
      reason: 'channel_not_priced',
      channel,
      message: `the price list has no "${channel}" prices`,
    };
  }
  const priced = { type: 'MessagePriced', channel, currency: priceList.currency } as const;
  const unitPrice = unitPriceFor(prices, input.to);
  const unit = billingUnitOf(channel);
  switch (unit) {
    case 'segment': {
      const { segments, encoding } = countSmsSegments(input.text ?? '');
      return { ...priced, units: segments, unitPrice, amount: BigInt(segments) * unitPrice, segments, encoding };
    }
    case 'message':
      return { ...priced, units: 1, unitPrice, amount: unitPrice };
    default: {
      const unknown: never = unit;
      throw new TypeError(`unknown billing unit ${String(unknown)}`);
    }
  }
}
