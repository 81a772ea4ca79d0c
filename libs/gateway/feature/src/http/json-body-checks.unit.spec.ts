import { ApiError } from '../shared/api-error';
import { parseJsonObject } from './json-body';
import { exceedsNestingDepth, findUnsafeJsonValues } from './json-body-checks';
import { classifyContentType } from './json-media-type';

describe('classifyContentType', () => {
  it.each([
    ['application/json', 'json'],
    ['Application/JSON; charset=UTF-8', 'json'],
    ['application/json;charset="utf-8"', 'json'],
    ['application/merge-patch+json', 'json'],
    ['application/json; charset=latin1', 'unsupported_charset'],
    ['text/plain', 'not_json'],
    ['application/x-www-form-urlencoded', 'not_json'],
    ['multipart/form-data; boundary=x', 'not_json'],
    ['application/jsonp', 'not_json'],
    ['', 'not_json'],
    [undefined, 'not_json'],
  ])('%j is %s', (header, verdict) => {
    expect(classifyContentType(header)).toBe(verdict);
  });
});

describe('exceedsNestingDepth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(exceedsNestingDepth('[[[]]]', 3)).toBe(false);
    expect(exceedsNestingDepth('[[[[]]]]', 3)).toBe(true);
    expect(exceedsNestingDepth('{"a":{"b":{"c":1}}}', 3)).toBe(false);
    expect(exceedsNestingDepth('{"a":"[[[[[[[[{{{{"}', 1)).toBe(false);
    expect(exceedsNestingDepth('{"a":"\\"[[[[[["}', 1)).toBe(false);
    expect(exceedsNestingDepth('{"a\\\\":[[[]]]}', 3)).toBe(true);
  });

  it('scans 10,000 nested arrays without recursion', () => {
    expect(exceedsNestingDepth('['.repeat(10000) + ']'.repeat(10000), 32)).toBe(true);
  });
});

describe('findUnsafeJsonValues', () => {
  it('names prototype-reaching keys at any depth', () => {
    const value = JSON.parse('{"__proto__":{"admin":true},"a":{"constructor":{"prototype":{}}},"b":[{"prototype":1}]}');
    expect(findUnsafeJsonValues(value)).toEqual([
      { path: '__proto__', message: 'property __proto__ is not allowed' },
      { path: 'a.constructor', message: 'property constructor is not allowed' },
      { path: 'b[0].prototype', message: 'property prototype is not allowed' },
    ]);
  });

  it('names numbers JSON.parse could not hold exactly', () => {
    const value = JSON.parse(
      '{"big":12345678901234567890,"inf":1e400,"fine":9007199254740991,"float":1.5,"neg":-1e300}',
    );
    expect(findUnsafeJsonValues(value)).toEqual([
      { path: 'big', message: 'big must be at most 9007199254740991 in magnitude' },
      { path: 'inf', message: 'inf is out of range' },
      { path: 'neg', message: 'neg must be at most 9007199254740991 in magnitude' },
    ]);
  });

  it('names keys and strings holding a NUL character or an unpaired surrogate, which no service can store', () => {
    const value = JSON.parse(
      '{"name":"a\\u0000b","tags":["\\ud800","\\udc00x"],"meta":{"a\\u0000":"v"},"emoji":"\\ud83d\\ude00"}',
    );
    expect(findUnsafeJsonValues(value)).toEqual([
      { path: 'name', message: 'name must not contain NUL characters or unpaired surrogates' },
      { path: 'tags[0]', message: 'tags[0] must not contain NUL characters or unpaired surrogates' },
      { path: 'tags[1]', message: 'tags[1] must not contain NUL characters or unpaired surrogates' },
      { path: 'meta.a\u0000', message: 'property names must not contain NUL characters or unpaired surrogates' },
    ]);
  });

  it('finds nothing in an ordinary body', () => {
    expect(
      findUnsafeJsonValues({ name: 'x', creditLimit: 100, metadata: { plan: 'pro' }, tags: ['a', 1, null, true] }),
    ).toEqual([]);
  });
});

describe('parseJsonObject', () => {
  const refusal = (text: string | Buffer) => {
    try {
      parseJsonObject(Buffer.isBuffer(text) ? text : Buffer.from(text));
    } catch (error) {
      return error instanceof ApiError ? { status: error.getStatus(), code: error.code } : error;
    }
    return 'accepted';
  };

  it('parses an object, and reads an empty or null body as {}', () => {
    expect(parseJsonObject(Buffer.from('{"a":[1,{"b":"c"}]}'))).toEqual({ a: [1, { b: 'c' }] });
    expect(parseJsonObject(Buffer.from('  '))).toEqual({});
    expect(parseJsonObject(Buffer.from('null'))).toEqual({});
    expect(parseJsonObject(Buffer.from('\uFEFF{"bom":true}'))).toEqual({ bom: true });
  });

  it.each([
    ['a cut-off object', 'invalid_json', '{"a":'],
    ['single quotes', 'invalid_json', "{'a':1}"],
    ['a trailing brace', 'invalid_json', '{"a":1}}'],
    ['an array', 'invalid_request', '[1,2]'],
    ['a string', 'invalid_request', '"text"'],
    ['a number', 'invalid_request', '42'],
    ['10,000 nested arrays', 'invalid_request', '['.repeat(10000) + ']'.repeat(10000)],
    ['a __proto__ key', 'invalid_request', '{"__proto__":{"polluted":true}}'],
    ['a number overflowing to Infinity', 'invalid_request', '{"n":1e999}'],
  ])('refuses %s with 400 %s', (_, code, text) => {
    expect(refusal(text)).toEqual({ status: 400, code });
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    expect(refusal(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toEqual({
      status: 400,
      code: 'invalid_json',
    });
    expect(refusal(Buffer.from([0x7b, 0x22, 0xc3, 0x22, 0x3a, 0x31, 0x7d]))).toEqual({
      status: 400,
      code: 'invalid_json',
    });
  });

  it('leaves Object.prototype alone', () => {
    refusal('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
