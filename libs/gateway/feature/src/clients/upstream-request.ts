import { type MessageBus, RequestTimeoutError } from '@subledger/messaging';
import { upstreamTimeout } from '../responses/refusal-table';
import { requestIdHeaders } from './request-id-headers';

export interface UpstreamRequest {
  readonly service: 'accounts' | 'ledger';
  readonly topic: string;
  /** The partition key: the team id, so that one consumer sees all of a team's requests in order. */
  readonly key: string;
  readonly value: unknown;
  readonly timeoutMs: number;
}

/** One request-reply over the bus, carrying the HTTP request's id; a missing reply becomes 503 `upstream_timeout`. */
export async function requestUpstream<R>(bus: MessageBus, request: UpstreamRequest): Promise<R> {
  try {
    return await bus.request<R>(request.topic, request.key, request.value, {
      timeoutMs: request.timeoutMs,
      headers: requestIdHeaders(),
    });
  } catch (error) {
    if (error instanceof RequestTimeoutError) throw upstreamTimeout(request.service);
    throw error;
  }
}
