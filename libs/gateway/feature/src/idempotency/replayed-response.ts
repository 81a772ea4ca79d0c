import type { ServerResponse } from 'node:http';
import type { StoredResponse } from './idempotency.store';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Headers of a response that belong to its outcome, and so are replayed with it (lower case). */
const REPLAYED_HEADERS = ['location', 'content-location'];

/** The headers worth storing with a response. Rate-limit and transport headers belong to each request. */
export function outcomeHeaders(response: Pick<ServerResponse, 'getHeader'>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/** Sets status and headers of a stored response; returns the body for Nest to send. */
export function replay(response: Pick<ServerResponse, 'setHeader' | 'statusCode'>, stored: StoredResponse): unknown {
  response.statusCode = stored.status;
  for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
  response.setHeader(REPLAYED_HEADER, 'true');
  return stored.body === null ? undefined : (JSON.parse(stored.body) as unknown);
}
