import type { Micros } from '@subledger/money';
import { MAX_E164_PREFIX_LENGTH } from './e164-prefix';
import type { ChannelPrices } from './price-list';

/**
 * The unit price for a destination: the longest configured E.164 prefix of a phone number, or
 * the channel default for anything else (an email address, a chat id) or an unlisted country.
 */
export function unitPriceFor(prices: ChannelPrices, to: string): Micros {
  if (to.startsWith('+')) {
    for (let length = Math.min(to.length, MAX_E164_PREFIX_LENGTH); length > 1; length -= 1) {
      const price = prices.prefixUnitPrices.get(to.slice(0, length));
      if (price !== undefined) {
        return price;
      }
    }
  }
  return prices.defaultUnitPrice;
}
