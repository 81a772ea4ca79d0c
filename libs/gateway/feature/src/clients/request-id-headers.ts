import { Headers } from '@subledger/messaging';
import { currentRequestId } from '@subledger/platform';

/** The headers that carry the HTTP request's id to the services, for their logs and the ledger's events. */
export function requestIdHeaders(): Record<string, string> | undefined {
  const requestId = currentRequestId();
  return requestId === undefined ? undefined : { [Headers.requestId]: requestId };
}
