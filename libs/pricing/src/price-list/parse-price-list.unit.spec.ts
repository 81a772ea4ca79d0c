import shippedPriceList from '../../../../config/prices.json';
import { MESSAGE_CHANNELS } from '../message-channel';
import { parsePriceList, validatePriceList } from './parse-price-list';
import { PriceListError } from './price-list-issue';

const valid = {
  currency: 'usd',
  channels: {
    sms: { default: '75000', prefixes: { '+1': 7900, '+1876': '95000' } },
    email: { default: 1000 },
  },
};

describe('parsePriceList', () => {
  it('reads unit prices into bigint micros, from strings and integers alike', () => {
    const priceList = parsePriceList(valid);
    expect(priceList.currency).toBe('usd');
    expect(priceList.channels.sms?.defaultUnitPrice).toBe(75_000n);
    expect([...(priceList.channels.sms?.prefixUnitPrices ?? [])]).toEqual([
      ['+1', 7_900n],
      ['+1876', 95_000n],
    ]);
    expect(priceList.channels.email).toEqual({ defaultUnitPrice: 1_000n, prefixUnitPrices: new Map() });
    expect(priceList.channels.whatsapp).toBeUndefined();
  });

  it('defaults the currency to usd and lower-cases it', () => {
    expect(parsePriceList({ channels: valid.channels }).currency).toBe('usd');
    expect(parsePriceList({ ...valid, currency: 'EUR' }).currency).toBe('eur');
  });

  it('accepts the shipped config/prices.json, with a default row for every channel', () => {
    const priceList = parsePriceList(shippedPriceList);
    for (const channel of MESSAGE_CHANNELS) {
      expect(priceList.channels[channel]?.defaultUnitPrice).toBeGreaterThan(0n);
    }
  });

  it.each([
    ['not an object', [], '$', 'must be a JSON object'],
    ['null', null, '$', 'must be a JSON object'],
    ['missing channels', { currency: 'usd' }, '$.channels', 'at least one channel'],
    ['no channels', { channels: {} }, '$.channels', 'at least one channel'],
    ['unknown top-level field', { ...valid, currncy: 'usd' }, '$.currncy', 'not a known field'],
    ['bad description', { ...valid, description: 7 }, '$.description', 'must be a string'],
    ['bad currency', { ...valid, currency: 'dollars' }, '$.currency', 'ISO 4217'],
    ['unknown channel', { channels: { sns: { default: '1' } } }, '$.channels.sns', 'is not a channel'],
    ['auto is not a priced channel', { channels: { auto: { default: '1' } } }, '$.channels.auto', 'is not a channel'],
    ['channel not an object', { channels: { sms: '7500' } }, '$.channels.sms', 'must be an object'],
    ['missing default', { channels: { sms: { prefixes: {} } } }, '$.channels.sms.default', 'is required'],
    [
      'unknown channel field',
      { channels: { sms: { default: '1', prefix: {} } } },
      '$.channels.sms.prefix',
      'not a known field',
    ],
    ['float price', { channels: { sms: { default: 0.0075 } } }, '$.channels.sms.default', 'whole number of micros'],
    ['decimal string price', { channels: { sms: { default: '0.0075' } } }, '$.channels.sms.default', 'decimal digits'],
    ['negative price', { channels: { sms: { default: -1 } } }, '$.channels.sms.default', 'must not be negative'],
    ['unsafe integer price', { channels: { sms: { default: 2 ** 60 } } }, '$.channels.sms.default', 'as a string'],
    [
      'prefixes not an object',
      { channels: { sms: { default: '1', prefixes: ['+1'] } } },
      '$.channels.sms.prefixes',
      'E.164 prefixes',
    ],
    [
      'prefix without plus',
      { channels: { sms: { default: '1', prefixes: { '44': '1' } } } },
      '$.channels.sms.prefixes["44"]',
      'not an E.164 prefix',
    ],
    [
      'prefix starting with 0',
      { channels: { sms: { default: '1', prefixes: { '+0': '1' } } } },
      '$.channels.sms.prefixes["+0"]',
      'not an E.164 prefix',
    ],
    [
      'prefix too long',
      { channels: { sms: { default: '1', prefixes: { ['+1' + '2'.repeat(15)]: '1' } } } },
      '$.channels.sms.prefixes["+1222222222222222"]',
      'not an E.164 prefix',
    ],
    [
      'bad prefix price',
      { channels: { sms: { default: '1', prefixes: { '+44': null } } } },
      '$.channels.sms.prefixes["+44"]',
      'micros',
    ],
  ])('refuses %s, naming the bad path', (_name, json, path, message) => {
    const validation = validatePriceList(json);
    expect(validation.ok).toBe(false);
    expect(validation.ok ? [] : validation.error).toContainEqual({ path, message: expect.stringContaining(message) });
    expect(() => parsePriceList(json)).toThrow(PriceListError);
    expect(() => parsePriceList(json)).toThrow(path);
  });

  it('reports every problem at once', () => {
    const validation = validatePriceList({
      currency: 'us',
      channels: { sms: { default: 'x', prefixes: { '+1': '-5' } }, fax: { default: '1' } },
    });
    expect(validation.ok ? [] : validation.error.map((issue) => issue.path)).toEqual([
      '$.currency',
      '$.channels.sms.default',
      '$.channels.sms.prefixes["+1"]',
      '$.channels.fax',
    ]);
  });

  it('names the issues in the thrown error', () => {
    expect(() => parsePriceList({ channels: { sms: {} } })).toThrow(
      new PriceListError([{ path: '$.channels.sms.default', message: 'is required' }]),
    );
    expect(() => parsePriceList({ channels: { sms: {} } })).toThrow(
      'Invalid price list: $.channels.sms.default is required',
    );
  });
});
