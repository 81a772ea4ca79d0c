import supertest from 'supertest';
import { type EdgeTestApp, startEdgeTestApp } from '../testing/edge-test-app';
import { EdgeTestController } from '../testing/edge-test.controllers';
import type { IssuedKey } from '../testing/stand-in-accounts';

describe('fields sent to a route that reads no body (docs/contract.md §3)', () => {
  let edge: EdgeTestApp;
  let key: IssuedKey;

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    key = edge.accounts.issueKey('main');
  });

  afterAll(() => edge.close());

  const post = (path: string) => supertest(edge.http).post(path).set('Authorization', `Bearer ${key.key}`);

  it('refuses them with 400 naming each, before the handler runs or a key is claimed', async () => {
    const calls = EdgeTestController.calls;
    const refused = await post('/test/empty')
      .set('Idempotency-Key', 'bodyless')
      .send({ force: true, reason: 'x' })
      .expect(400);
    expect(refused.body).toEqual({
      code: 'invalid_request',
      message: 'The request is invalid.',
      details: {
        errors: [
          { path: 'force', message: 'property force should not exist' },
          { path: 'reason', message: 'property reason should not exist' },
        ],
      },
    });
    expect(EdgeTestController.calls).toBe(calls);
    await post('/test/empty').set('Idempotency-Key', 'bodyless').expect(204);
    expect(EdgeTestController.calls).toBe(calls + 1);
  });

  it('lets no body, an empty object or null through, and leaves public routes alone', async () => {
    await post('/test/empty').expect(204);
    await post('/test/empty').send({}).expect(204);
    await post('/test/empty').set('Content-Type', 'application/json').send('null').expect(204);
    await supertest(edge.http).get('/test/public').set('Content-Type', 'application/json').send('{"x":1}').expect(200);
  });
});
