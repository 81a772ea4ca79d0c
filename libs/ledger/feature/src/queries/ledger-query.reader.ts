import { type LedgerQuery, MAX_USAGE_BUCKETS, usageBucketCount } from '@subledger/contracts';

export const MAX_ENTRIES_PER_PAGE = 1_000;

export type QueryRead = { readonly ok: true; readonly query: LedgerQuery } | { readonly ok: false; readonly message: string };

/** Validates a consumed query: what crosses the bus is checked when read, not only when sent. */
export function readLedgerQuery(value: unknown): QueryRead {
  if (!isRecord(value)) return bad('a ledger query must be an object');
  const { type, teamId } = value;
  if (!isId(teamId)) return bad('teamId must be a non-empty string');
  switch (type) {
    case 'GetBalance': {
      const { accountIds } = value;
      if (!Array.isArray(accountIds) || !accountIds.every(isId)) return bad('accountIds must be a list of non-empty strings');
      return { ok: true, query: { type, teamId, accountIds } };
    }
    case 'ListLedgerEntries': {
      const { accountId, cursor, limit } = value;
      if (accountId !== undefined && !isId(accountId)) return bad('accountId must be a non-empty string when given');
      if (cursor !== null && typeof cursor !== 'string') return bad('cursor must be a string or null');
      if (!Number.isSafeInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_ENTRIES_PER_PAGE) {
        return bad(`limit must be a whole number from 1 to ${MAX_ENTRIES_PER_PAGE}`);
      }
      const query = { type, teamId, cursor, limit: limit as number };
      return { ok: true, query: accountId === undefined ? query : { ...query, accountId } };
    }
    case 'GetUsage': {
      const { accountId, from, to, granularity } = value;
      if (accountId !== undefined && !isId(accountId)) return bad('accountId must be a non-empty string when given');
      if (granularity !== 'hour' && granularity !== 'day') return bad('granularity must be hour or day');
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || (from as number) < 0 || (from as number) >= (to as number)) {
        return bad('from and to must be epoch milliseconds with from before to');
      }
      if (usageBucketCount(from as number, to as number, granularity) > MAX_USAGE_BUCKETS) {
        return bad(`at most ${MAX_USAGE_BUCKETS} buckets of a ${granularity} in one query`);
      }
      const query = { type, teamId, from: from as number, to: to as number, granularity } as const;
      return { ok: true, query: accountId === undefined ? query : { ...query, accountId } };
    }
    default:
      return bad(`unknown ledger query type ${JSON.stringify(type)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function bad(message: string): QueryRead {
  return { ok: false, message };
}
