import { parseMicros, type Micros } from '@subledger/money';
import { E164_PREFIX } from './e164-prefix';
import type { ChannelPrices } from './price-list';
import { childPath, isJsonObject, reportUnknownFields, type PriceListIssue } from './price-list-issue';

/** Reads `{ "default": micros, "prefixes"?: { "+44": micros } }`, reporting every problem into `issues`. */
export function parseChannelPrices(value: unknown, path: string, issues: PriceListIssue[]): ChannelPrices | undefined {
  if (!isJsonObject(value)) {
    issues.push({ path, message: 'must be an object with a "default" unit price' });
    return undefined;
  }
  reportUnknownFields(value, ['default', 'prefixes'], path, issues);
  const defaultUnitPrice =
    value['default'] === undefined
      ? missing(childPath(path, 'default'), issues)
      : parseUnitPrice(value['default'], childPath(path, 'default'), issues);
  const prefixUnitPrices = parsePrefixes(value['prefixes'], childPath(path, 'prefixes'), issues);
  if (defaultUnitPrice === undefined || prefixUnitPrices === undefined) {
    return undefined;
  }
  return { defaultUnitPrice, prefixUnitPrices };
}

function parsePrefixes(value: unknown, path: string, issues: PriceListIssue[]): Map<string, Micros> | undefined {
  const prices = new Map<string, Micros>();
  if (value === undefined) {
    return prices;
  }
  if (!isJsonObject(value)) {
    issues.push({ path, message: 'must be an object mapping E.164 prefixes to unit prices' });
    return undefined;
  }
  const before = issues.length;
  for (const [prefix, price] of Object.entries(value)) {
    const pricePath = childPath(path, prefix);
    if (!E164_PREFIX.test(prefix)) {
      issues.push({ path: pricePath, message: 'is not an E.164 prefix ("+" and 1 to 15 digits, not starting with 0)' });
    }
    const unitPrice = parseUnitPrice(price, pricePath, issues);
    if (unitPrice !== undefined) {
      prices.set(prefix, unitPrice);
    }
  }
  return issues.length === before ? prices : undefined;
}

function parseUnitPrice(value: unknown, path: string, issues: PriceListIssue[]): Micros | undefined {
  const result = parseMicros(value);
  if (!result.ok) {
    issues.push({ path, message: `${result.error.message} (unit price in micros)` });
    return undefined;
  }
  return result.value;
}

function missing(path: string, issues: PriceListIssue[]): undefined {
  issues.push({ path, message: 'is required' });
  return undefined;
}
