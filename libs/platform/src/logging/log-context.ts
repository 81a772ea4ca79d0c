import { AsyncLocalStorage } from 'node:async_hooks';
import { currentRequestId } from '../request-id/request-id';

/** The request ids of the messages being handled, in an async context of their own. */
const handling = new AsyncLocalStorage<readonly string[]>();

/**
 * Runs `work` with `requestIds` as the request ids its log lines name (docs/decisions.md, "Request
 * ids"): the ids of the message, or of every message of the batch, being handled. Without ids it
 * runs as it is.
 */
export function runWithRequestIds<T>(requestIds: readonly string[], work: () => T): T {
  return requestIds.length === 0 ? work() : handling.run(requestIds, work);
}

/**
 * The request ids a log line written here should name: those of the messages being handled, else
 * the id of the HTTP request being served; none outside both.
 */
export function logRequestIds(): readonly string[] {
  const messages = handling.getStore();
  if (messages !== undefined) return messages;
  const request = currentRequestId();
  return request === undefined ? [] : [request];
}

/** The fields a log line gets: `reqId` for one request, `reqIds` for a batch serving several. */
export function requestIdFields(requestIds: readonly string[]): { reqId?: string; reqIds?: readonly string[] } {
  if (requestIds.length === 0) return {};
  return requestIds.length === 1 ? { reqId: requestIds[0] } : { reqIds: requestIds };
}
