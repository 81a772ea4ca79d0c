import type { CurrencyCode, Micros } from '@subledger/money';
import type { MessageChannel } from '../message-channel';

/** Unit prices of one channel: a default, and overrides by E.164 prefix ('+1', '+1876'). */
export interface ChannelPrices {
  readonly defaultUnitPrice: Micros;
  readonly prefixUnitPrices: ReadonlyMap<string, Micros>;
}

/** Prices per billing unit (SMS segment, or message), in micros of the list's currency. */
export interface PriceList {
  readonly currency: CurrencyCode;
  readonly channels: Readonly<Partial<Record<MessageChannel, ChannelPrices>>>;
}
