import type { FastifyReply } from 'fastify';
import type { StoredResponse } from './idempotency.store';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Headers of a response that belong to its outcome, and so are replayed with it (lower case). */
const REPLAYED_HEADERS = ['location', 'content-location'];

/** The headers worth storing with a response. Rate-limit and transport headers belong to each request. */
export function outcomeHeaders(reply: Pick<FastifyReply, 'getHeader'>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/** Sets status and headers of a stored response; returns the body for Nest to send. */
export function replay(reply: Pick<FastifyReply, 'code' | 'header'>, stored: StoredResponse): unknown {
  reply.code(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) reply.header(name, value);
  reply.header(REPLAYED_HEADER, 'true');
  return stored.body === null ? undefined : (JSON.parse(stored.body) as unknown);
}
