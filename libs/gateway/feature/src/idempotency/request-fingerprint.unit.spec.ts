import { canonicalJson, requestFingerprint } from './request-fingerprint';
import { effectiveIdempotencyKey } from './effective-idempotency-key';
import { ApiError } from '../shared/api-error';

describe('request fingerprints', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('keeps a __proto__ key as data', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('is the same for the same request whatever the key order, and differs for any other change', () => {
    const base = requestFingerprint('POST', '/v1/messages', { to: '+1555', text: 'hi' });
    expect(requestFingerprint('post', '/v1/messages', { text: 'hi', to: '+1555' })).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const other of [
      requestFingerprint('POST', '/v1/messages', { to: '+1555', text: 'hi!' }),
      requestFingerprint('POST', '/v1/messages?x=1', { to: '+1555', text: 'hi' }),
      requestFingerprint('POST', '/v1/sub-accounts', { to: '+1555', text: 'hi' }),
      requestFingerprint('PUT', '/v1/messages', { to: '+1555', text: 'hi' }),
      requestFingerprint('POST', '/v1/messages', { to: '+1555', text: 'hi', extra: null }),
      requestFingerprint('POST', '/v1/messages', { to: '+1555', text: ['hi'] }),
    ]) {
      expect(other).not.toBe(base);
    }
  });
});

describe('effectiveIdempotencyKey', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof ApiError
        ? { status: error.getStatus(), code: error.code, details: error.details }
        : error;
    }
    return 'accepted';
  };

  it('takes the header, else the body field the route names, else none', () => {
    expect(effectiveIdempotencyKey('h', { idempotencyKey: 'b' }, 'idempotencyKey')).toBe('h');
    expect(effectiveIdempotencyKey(undefined, { idempotencyKey: 'b' }, 'idempotencyKey')).toBe('b');
    expect(effectiveIdempotencyKey(undefined, { idempotencyKey: 'b' }, undefined)).toBeNull();
    expect(effectiveIdempotencyKey(undefined, {}, 'idempotencyKey')).toBeNull();
    expect(effectiveIdempotencyKey(undefined, undefined, 'idempotencyKey')).toBeNull();
  });

  it('accepts 1 to 255 characters', () => {
    expect(effectiveIdempotencyKey('k'.repeat(255), {}, undefined)).toHaveLength(255);
    expect(refusal(() => effectiveIdempotencyKey('k'.repeat(256), {}, undefined))).toEqual({
      status: 400,
      code: 'invalid_request',
      details: { errors: [{ path: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 characters long' }] },
    });
    expect(refusal(() => effectiveIdempotencyKey('', {}, undefined))).toMatchObject({ status: 400 });
  });

  it('refuses a body field that is not a string, and repeated headers', () => {
    expect(refusal(() => effectiveIdempotencyKey(undefined, { idempotencyKey: 42 }, 'idempotencyKey'))).toMatchObject({
      details: { errors: [{ path: 'idempotencyKey', message: 'idempotencyKey must be a single string' }] },
    });
    expect(refusal(() => effectiveIdempotencyKey(['a', 'b'], {}, undefined))).toMatchObject({ status: 400 });
  });
});
