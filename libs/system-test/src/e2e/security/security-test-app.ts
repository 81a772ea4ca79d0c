import type { Response } from 'supertest';
import type { EmbeddedTestClient } from '../../test-app/embedded-test-client';
import type { RouteCall } from './sub-account-routes';

/** Sends a route call with a credential, or with a raw Authorization header value. */
export function callWith(client: EmbeddedTestClient, authorization: string | null, { method, path, body }: RouteCall) {
  const request = client.http[method](path);
  if (authorization !== null) request.set('Authorization', authorization);
  return body ? request.send(body) : request;
}

/** A refusal exactly in the docs/contract.md §3 shape, with this status and code. */
export function expectRefusal(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'message']);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
}
