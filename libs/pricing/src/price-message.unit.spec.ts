import { parsePriceList } from './price-list/parse-price-list';
import { priceMessage, type MessagePricing } from './price-message';

const priceList = parsePriceList({
  currency: 'usd',
  channels: {
    sms: { default: '75000', prefixes: { '+1': '7900', '+1876': '95000', '+44': '40000' } },
    whatsapp: { default: '20000', prefixes: { '+52': '10000' } },
    email: { default: '1000', prefixes: { '+1': '999' } },
  },
});

function amountOf(pricing: MessagePricing): bigint | string {
  return pricing.type === 'MessagePriced' ? pricing.amount : pricing.reason;
}

describe('priceMessage', () => {
  it('prices an SMS per segment, with its segment count and encoding', () => {
    expect(priceMessage(priceList, { channel: 'sms', to: '+14155551234', text: 'a'.repeat(161) })).toEqual({
      type: 'MessagePriced',
      channel: 'sms',
      currency: 'usd',
      units: 2,
      unitPrice: 7_900n,
      amount: 15_800n,
      segments: 2,
      encoding: 'gsm7',
    });
  });

  it('prices any other channel per message, without segments', () => {
    expect(priceMessage(priceList, { channel: 'whatsapp', to: '+5215512345678', text: 'a'.repeat(500) })).toEqual({
      type: 'MessagePriced',
      channel: 'whatsapp',
      currency: 'usd',
      units: 1,
      unitPrice: 10_000n,
      amount: 10_000n,
    });
  });

  it.each([
    ['+1 (US)', 'sms', '+14155551234', 'hi', 7_900n],
    ['+1876 beats +1 (Jamaica)', 'sms', '+18765551234', 'hi', 95_000n],
    ['+187 is not +1876', 'sms', '+18705551234', 'hi', 7_900n],
    ['+44 (UK)', 'sms', '+447700900123', 'hi', 40_000n],
    ['an unlisted country takes the default row', 'sms', '+4915112345678', 'hi', 75_000n],
    ['an exact prefix-length number', 'sms', '+1876', 'hi', 95_000n],
    ['an empty SMS is one segment', 'sms', '+447700900123', '', 40_000n],
    ['an SMS without text is one segment', 'sms', '+447700900123', undefined, 40_000n],
    ['an emoji SMS of 71 units is two segments', 'sms', '+447700900123', '😀'.repeat(35) + 'x', 80_000n],
    ['an email address takes the channel default', 'email', 'ana@example.com', 'hi', 1_000n],
    ['an email address never matches a prefix', 'email', '+1@example.com', 'hi', 999n],
    ['whatsapp default row', 'whatsapp', '+447700900123', undefined, 20_000n],
  ])('%s', (_name, channel, to, text, amount) => {
    expect(amountOf(priceMessage(priceList, { channel, to, text }))).toBe(amount);
  });

  it.each([
    ['auto', 'unknown_channel'],
    ['fax', 'unknown_channel'],
    ['', 'unknown_channel'],
    ['SMS', 'unknown_channel'],
    ['telegram', 'channel_not_priced'],
    ['voice', 'channel_not_priced'],
  ])('refuses channel %p as %s', (channel, reason) => {
    expect(priceMessage(priceList, { channel, to: '+14155551234', text: 'hi' })).toEqual({
      type: 'PricingRefused',
      reason,
      channel,
      message: expect.any(String),
    });
  });
});
