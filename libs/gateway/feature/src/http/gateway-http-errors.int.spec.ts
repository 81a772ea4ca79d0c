import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { Logger } from '@nestjs/common';
import supertest from 'supertest';
import { type EdgeTestApp, startEdgeTestApp } from '../testing/edge-test-app';
import type { IssuedKey } from '../testing/stand-in-accounts';

describe('gateway errors (docs/contract.md §3) over HTTP', () => {
  let edge: EdgeTestApp;
  let key: IssuedKey;
  let baseUrl: string;

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    key = edge.accounts.issueKey('main');
    await new Promise<void>((resolve) => edge.http.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(edge.http.address() as AddressInfo).port}`;
  });
  afterAll(() => edge.close());

  const post = (path: string) => supertest(edge.http).post(path).set('Authorization', `Bearer ${key.key}`);
  const postJson = (path: string, body: string) => post(path).set('Content-Type', 'application/json').send(body);

  /** Bytes exactly as given: supertest would serialise a Buffer sent as JSON. */
  const rawPost = (path: string, headers: Record<string, string>, body: Buffer) =>
    new Promise<{ status: number; body: { code?: string } }>((resolve, reject) => {
      const request = httpRequest(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key.key}`, ...headers },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      });
      request.on('error', reject);
      request.end(body);
    });

  const expectError = (response: supertest.Response, status: number, code: string) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'message']);
    expect(typeof response.body.message).toBe('string');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  };

  describe('validation', () => {
    it('lists every bad field, nested ones by path, as 400 invalid_request', async () => {
      const response = await post('/test/things').send({ name: '', creditLimit: -1, metadata: { plan: 5 } });
      expectError(response, 400, 'invalid_request');
      const paths = response.body.details.errors.map((error: { path: string }) => error.path);
      expect(new Set(paths)).toEqual(new Set(['name', 'creditLimit', 'metadata.plan']));
      for (const error of response.body.details.errors) expect(typeof error.message).toBe('string');
    });

    it('refuses unknown fields, at the root and nested, instead of dropping them', async () => {
      const response = await post('/test/things').send({
        name: 'ok',
        color: 'red',
        metadata: { plan: 'pro', tier: 2 },
      });
      expectError(response, 400, 'invalid_request');
      expect(response.body.details.errors).toEqual([
        { path: 'color', message: 'property color should not exist' },
        { path: 'metadata.tier', message: 'property tier should not exist' },
      ]);
    });

    it('names the required fields of a POST without a body', async () => {
      const response = await post('/test/things');
      expectError(response, 400, 'invalid_request');
      expect(response.body.details.errors.map((error: { path: string }) => error.path)).toContain('name');
    });

    it('hands the handler a DTO instance of a valid body', async () => {
      const response = await post('/test/things').send({ name: 'ok', creditLimit: 10, metadata: { plan: 'pro' } });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        received: { name: 'ok', creditLimit: 10, metadata: { plan: 'pro' } },
        isDto: true,
      });
    });
  });

  describe('bodies', () => {
    it('answers malformed JSON with 400 invalid_json', async () => {
      expectError(await postJson('/test/things', '{"name": "x",'), 400, 'invalid_json');
    });

    it('refuses a body that is not a JSON object', async () => {
      expectError(await postJson('/test/things', '["name"]'), 400, 'invalid_request');
      expectError(await postJson('/test/things', '"name"'), 400, 'invalid_request');
    });

    it('refuses 10,000 nested arrays without a 5xx', async () => {
      const deep = `{"name":${'['.repeat(10000)}${']'.repeat(10000)}}`;
      expectError(await postJson('/test/things', deep), 400, 'invalid_request');
      const deepObjects = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      expectError(await postJson('/test/things', deepObjects), 400, 'invalid_request');
    });

    it('refuses bytes that are not UTF-8 with 400 invalid_json', async () => {
      const bad = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
      const response = await rawPost('/test/things', { 'Content-Type': 'application/json' }, bad);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'invalid_json' });
    });

    it('refuses a __proto__ key and leaves prototypes alone', async () => {
      const response = await postJson(
        '/test/things',
        '{"name":"x","__proto__":{"isAdmin":true},"metadata":{"plan":"p","constructor":{"prototype":{"x":1}}}}',
      );
      expectError(response, 400, 'invalid_request');
      expect(response.body.details.errors.map((error: { path: string }) => error.path)).toEqual([
        '__proto__',
        'metadata.constructor',
      ]);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('refuses numbers JSON cannot hold exactly', async () => {
      const response = await postJson('/test/things', '{"name":"x","creditLimit":123456789012345678901234567890}');
      expectError(response, 400, 'invalid_request');
      expect(response.body.details.errors[0].path).toBe('creditLimit');
      expectError(await postJson('/test/things', '{"name":"x","creditLimit":1e999}'), 400, 'invalid_request');
    });

    it('reads an empty JSON body or a JSON null as no fields', async () => {
      const response = await postJson('/test/things', 'null');
      expectError(response, 400, 'invalid_request');
      expect(response.body.details.errors.map((error: { path: string }) => error.path)).toContain('name');
    });
  });

  describe('sizes and media types', () => {
    it('takes a body of exactly 64 KiB and refuses one byte more with 413 payload_too_large', async () => {
      const exact = JSON.stringify({ name: 'x', pad: '' });
      const padding = 64 * 1024 - exact.length;
      const fits = await postJson('/test/things', JSON.stringify({ name: 'x', pad: 'a'.repeat(padding) }));
      expect(fits.status).toBe(400); // read and parsed: refused only for its unknown `pad` field
      expect(fits.body.details.errors).toEqual([{ path: 'pad', message: 'property pad should not exist' }]);
      const over = await postJson('/test/things', JSON.stringify({ name: 'x', pad: 'a'.repeat(padding + 1) }));
      expectError(over, 413, 'payload_too_large');
    });

    it('refuses a declared 10 MB body with 413 before reading it', async () => {
      const response = await postJson('/test/things', JSON.stringify({ name: 'x'.repeat(10 * 1024 * 1024) }));
      expectError(response, 413, 'payload_too_large');
      expect(response.body.details).toEqual({ limitBytes: 65536 });
    });

    it('stops reading a chunked 10 MB body at the limit, answers 413 and keeps serving', async () => {
      const answer = await new Promise<{ status: number; body: string; written: number }>((resolve, reject) => {
        let written = 0;
        const request = httpRequest(`${baseUrl}/test/things`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
            Authorization: `Bearer ${key.key}`,
          },
        });
        request.on('response', (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body, written }));
        });
        request.on('error', reject);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const writeMore = () => {
          while (written < 10 * 1024 * 1024) {
            written += chunk.length;
            if (!request.write(chunk)) return void request.once('drain', writeMore);
          }
          request.end();
        };
        request.write('{"name":"');
        writeMore();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).code).toBe('payload_too_large');
      expect((await supertest(edge.http).get('/test/public')).status).toBe(200);
    });

    it.each([
      ['text/plain', 'name=x'],
      ['application/x-www-form-urlencoded', 'name=x'],
      ['multipart/form-data; boundary=b', '--b--'],
      ['application/json; charset=iso-8859-1', '{"name":"x"}'],
    ])('refuses a %s body with 415 unsupported_media_type', async (type, body) => {
      expectError(await post('/test/things').set('Content-Type', type).send(body), 415, 'unsupported_media_type');
    });

    it('refuses a body without a Content-Type, and a compressed one, with 415', async () => {
      const untyped = await rawPost('/test/things', {}, Buffer.from('{"name":"x"}'));
      expect({ status: untyped.status, code: untyped.body.code }).toEqual({
        status: 415,
        code: 'unsupported_media_type',
      });
      expectError(
        await postJson('/test/things', '{"name":"x"}').set('Content-Encoding', 'gzip'),
        415,
        'unsupported_media_type',
      );
    });

    it('accepts application/json with a UTF-8 charset and vendor +json types', async () => {
      expect(
        (await post('/test/things').set('Content-Type', 'application/json; charset=utf-8').send('{"name":"é"}')).status,
      ).toBe(201);
      expect(
        (await post('/test/things').set('Content-Type', 'application/vnd.api+json').send('{"name":"x"}')).status,
      ).toBe(201);
    });
  });

  describe('routes', () => {
    it('answers an unknown route with 404 not_found', async () => {
      expectError(await supertest(edge.http).get('/nowhere'), 404, 'not_found');
      expectError(await supertest(edge.http).get('/v1/nothing/here?x=1'), 404, 'not_found');
    });

    it('answers a known path with the wrong method with 404 not_found too', async () => {
      expectError(await supertest(edge.http).delete('/test/public'), 404, 'not_found');
      expectError(
        await supertest(edge.http).put('/test/things').set('Content-Type', 'application/json').send('{}'),
        404,
        'not_found',
      );
    });

    it('answers a bad percent-encoding in the path with 400, not 500', async () => {
      const response = await supertest(edge.http).get('/test/items/%E0%A4%A').set('Authorization', `Bearer ${key.key}`);
      expectError(response, 400, 'invalid_request');
    });

    it('hides an unexpected error behind 500 internal_error and logs it', async () => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        const response = await supertest(edge.http).get('/test/boom');
        expectError(response, 500, 'internal_error');
        expect(JSON.stringify(response.body)).not.toMatch(/password|TypeError|undefined/);
        expect(logged).toHaveBeenCalledWith(
          expect.stringContaining("Cannot read properties of undefined (reading 'password')"),
          expect.any(String),
        );
      } finally {
        logged.mockRestore();
      }
    });

    it('logs neither the API key nor the request query of a failed request', async () => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        const response = await post('/test/broken?token=sl_live_query_secret').set('Idempotency-Key', 'log-check');
        expectError(response, 500, 'internal_error');
        const lines = JSON.stringify(logged.mock.calls);
        expect(lines).toContain('POST /test/broken');
        expect(lines).not.toContain(key.key);
        expect(lines).not.toContain(key.key.slice(12));
        expect(lines).not.toContain('query_secret');
      } finally {
        logged.mockRestore();
      }
    });

    it('answers bytes that are not HTTP with 400 invalid_request in the error shape of docs/contract.md §3.1, and closes', async () => {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect((edge.http.address() as AddressInfo).port, '127.0.0.1', () =>
          socket.end('NOT HTTP AT ALL\r\n\r\n'),
        );
        let text = '';
        socket
          .on('data', (chunk) => (text += chunk))
          .on('close', () => resolve(text))
          .on('error', reject);
      });
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(body)).toEqual({ code: 'invalid_request', message: expect.any(String), details: {} });
    });

    it('sends no X-Powered-By header', async () => {
      expect((await supertest(edge.http).get('/test/public')).headers['x-powered-by']).toBeUndefined();
    });
  });
});
