import { err, ok, type Result } from '@subledger/kernel';
import { DEFAULT_CURRENCY, parseCurrencyCode, type CurrencyCode } from '@subledger/money';
import { isMessageChannel, MESSAGE_CHANNELS, type MessageChannel } from '../message-channel';
import { parseChannelPrices } from './parse-channel-prices';
import type { ChannelPrices, PriceList } from './price-list';
import { childPath, isJsonObject, PriceListError, reportUnknownFields, type PriceListIssue } from './price-list-issue';

/** A price list, or every problem found in it. */
export type PriceListValidation = Result<PriceList, readonly PriceListIssue[]>;

const ROOT = '$';

/**
 * Checks parsed JSON against the price list format and reports every problem at once:
 * `{ "description"?: string, "currency"?: "usd", "channels": { "<channel>": { "default": micros,
 * "prefixes"?: { "+<digits>": micros } } } }`, micros as digit strings or safe integers.
 */
export function validatePriceList(json: unknown): PriceListValidation {
  if (!isJsonObject(json)) {
    return err([{ path: ROOT, message: 'must be a JSON object' }]);
  }
  const issues: PriceListIssue[] = [];
  reportUnknownFields(json, ['description', 'currency', 'channels'], ROOT, issues);
  if (json['description'] !== undefined && typeof json['description'] !== 'string') {
    issues.push({ path: childPath(ROOT, 'description'), message: 'must be a string' });
  }
  const currency = parseCurrency(json['currency'], issues);
  const channels = parseChannels(json['channels'], childPath(ROOT, 'channels'), issues);
  if (issues.length > 0 || currency === undefined || channels === undefined) {
    return err(issues);
  }
  return ok({ currency, channels });
}

/** Like validatePriceList, for start-up: a bad price list throws a PriceListError naming each bad path. */
export function parsePriceList(json: unknown): PriceList {
  const validation = validatePriceList(json);
  if (!validation.ok) {
    throw new PriceListError(validation.error);
  }
  return validation.value;
}

function parseCurrency(value: unknown, issues: PriceListIssue[]): CurrencyCode | undefined {
  if (value === undefined) {
    return DEFAULT_CURRENCY;
  }
  const result = parseCurrencyCode(value);
  if (!result.ok) {
    issues.push({ path: childPath(ROOT, 'currency'), message: result.error.message });
    return undefined;
  }
  return result.value;
}

function parseChannels(
  value: unknown,
  path: string,
  issues: PriceListIssue[],
): Partial<Record<MessageChannel, ChannelPrices>> | undefined {
  if (!isJsonObject(value) || Object.keys(value).length === 0) {
    issues.push({ path, message: 'must be an object pricing at least one channel' });
    return undefined;
  }
  const channels: Partial<Record<MessageChannel, ChannelPrices>> = {};
  for (const [channel, prices] of Object.entries(value)) {
    const channelPath = childPath(path, channel);
    if (!isMessageChannel(channel)) {
      issues.push({ path: channelPath, message: `is not a channel (expected one of ${MESSAGE_CHANNELS.join(', ')})` });
      continue;
    }
    const parsed = parseChannelPrices(prices, channelPath, issues);
    if (parsed !== undefined) {
      channels[channel] = parsed;
    }
  }
  return channels;
}
