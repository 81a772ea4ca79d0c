import type { FactoryProvider } from '@nestjs/common';
import { parsePriceList, type PriceList } from '@subledger/pricing';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared';

export const PRICE_LIST = Symbol('PRICE_LIST');

/** Reads and checks the price list once, at start: a bad file stops the gateway naming each bad entry. */
export function loadPriceList(file: string): PriceList {
  const path = resolve(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the price list ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsePriceList(json);
}

export const priceListProvider: FactoryProvider<PriceList> = {
  provide: PRICE_LIST,
  inject: [GATEWAY_OPTIONS],
  useFactory: (options: GatewayOptions) => loadPriceList(options.pricesFile),
};
