export { countSmsSegments, type SmsSegmentCount } from './sms/count-sms-segments';
export { segmentCapacity, type SegmentCapacity, type SmsEncoding } from './sms/sms-encoding';
export { GSM7_BASIC_CHARACTERS, GSM7_EXTENSION_CHARACTERS, gsm7Septets } from './sms/gsm7-alphabet';
export {
  billingUnitOf,
  isMessageChannel,
  MESSAGE_CHANNELS,
  type BillingUnit,
  type MessageChannel,
} from './message-channel';
export type { ChannelPrices, PriceList } from './price-list/price-list';
export { PriceListError, type PriceListIssue } from './price-list/price-list-issue';
export { parsePriceList, validatePriceList, type PriceListValidation } from './price-list/parse-price-list';
export { unitPriceFor } from './price-list/unit-price-lookup';
export {
  priceMessage,
  type MessagePriced,
  type MessagePricing,
  type PriceMessageInput,
  type PricingRefusalReason,
  type PricingRefused,
} from './price-message';
