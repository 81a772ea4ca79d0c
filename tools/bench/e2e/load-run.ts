import autocannon from 'autocannon';
import type { AnswerTally } from './answer-tally';

export interface LoadOptions {
  url: string;
  keys: readonly string[];
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unlimited when absent. */
  overallRate?: number;
  tally: AnswerTally;
}

// A short GSM-7 SMS to +1: one segment, the same cost for every send of a run.
export const SEND_BODY = JSON.stringify({ to: '+14155550100', text: 'Your Subledger code is 482913' });

interface SendContext {
  key?: number;
}

/**
 * Drives `POST /v1/messages` with autocannon, each request with the next key in turn. One request
 * in flight per connection (no pipelining), so the key a connection's context holds when the answer
 * arrives is the key of that answer.
 */
export function driveSends(options: LoadOptions): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.overallRate,
    requests: [
      {
        method: 'POST',
        path: '/v1/messages',
        body: SEND_BODY,
        setupRequest: (request, context: SendContext) => {
          const key = next;
          next = (next + 1) % options.keys.length;
          context.key = key;
          options.tally.sent(key);
          return {
            ...request,
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              authorization: `Bearer ${options.keys[key]}`,
            },
          };
        },
        onResponse: (status, body, context: SendContext) => {
          if (context.key !== undefined) options.tally.answered(context.key, status, body);
        },
      },
    ],
  });
}
