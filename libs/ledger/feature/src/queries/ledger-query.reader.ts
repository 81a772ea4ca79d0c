import { err, ok, type Result } from '@subledger/kernel';
import {
  ACTIVITY_MINUTE_MS,
  type LedgerQuery,
  MAX_ACTIVITY_MINUTES,
  MAX_SUMMARY_TEAMS,
  MAX_USAGE_BUCKETS,
  usageBucketCount,
} from '@subledger/contracts';

export const MAX_ENTRIES_PER_PAGE = 1_000;

/** Validates a consumed query: what crosses the bus is checked when read, not only when sent. */
export function readLedgerQuery(value: unknown): Result<LedgerQuery, string> {
  if (!isRecord(value)) return err('a ledger query must be an object');
  switch (value.type) {
    case 'GetActivity': {
      const { from, to } = value;
      if (!isWholeMinute(from) || !isWholeMinute(to) || from >= to)
        return err('from and to must be whole minutes in epoch milliseconds with from before to');
      if ((to - from) / ACTIVITY_MINUTE_MS > MAX_ACTIVITY_MINUTES)
        return err(`at most ${MAX_ACTIVITY_MINUTES} minutes in one query`);
      return ok({ type: 'GetActivity', from, to });
    }
    case 'GetTeamSummaries': {
      const { teamIds, spendSince } = value;
      if (!Array.isArray(teamIds) || !teamIds.every(isId) || teamIds.length > MAX_SUMMARY_TEAMS) {
        return err(`teamIds must be a list of at most ${MAX_SUMMARY_TEAMS} non-empty strings`);
      }
      if (!Number.isSafeInteger(spendSince) || (spendSince as number) < 0)
        return err('spendSince must be epoch milliseconds');
      return ok({ type: 'GetTeamSummaries', teamIds, spendSince: spendSince as number });
    }
    default:
      return readTeamQuery(value);
  }
}

/** The reads of one team, keyed by its id. */
function readTeamQuery(value: Record<string, unknown>): Result<LedgerQuery, string> {
  const { type, teamId } = value;
  if (!isId(teamId)) return err('teamId must be a non-empty string');
  switch (type) {
    case 'GetBalance': {
      const { accountIds } = value;
      if (!Array.isArray(accountIds) || !accountIds.every(isId))
        return err('accountIds must be a list of non-empty strings');
      return ok({ type, teamId, accountIds });
    }
    case 'ListLedgerEntries': {
      const { accountId, cursor, limit, order } = value;
      if (accountId !== undefined && !isId(accountId)) return err('accountId must be a non-empty string when given');
      if (cursor !== null && typeof cursor !== 'string') return err('cursor must be a string or null');
      if (!Number.isSafeInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_ENTRIES_PER_PAGE) {
        return err(`limit must be a whole number from 1 to ${MAX_ENTRIES_PER_PAGE}`);
      }
      if (order !== undefined && order !== 'asc' && order !== 'desc')
        return err('order must be asc or desc when given');
      const query = {
        type,
        teamId,
        cursor,
        limit: limit as number,
        ...(order === undefined ? {} : { order: order as 'asc' | 'desc' }),
      };
      return ok(accountId === undefined ? query : { ...query, accountId });
    }
    case 'GetUsage': {
      const { accountId, from, to, granularity } = value;
      if (accountId !== undefined && !isId(accountId)) return err('accountId must be a non-empty string when given');
      if (granularity !== 'hour' && granularity !== 'day') return err('granularity must be hour or day');
      if (
        !Number.isSafeInteger(from) ||
        !Number.isSafeInteger(to) ||
        (from as number) < 0 ||
        (from as number) >= (to as number)
      ) {
        return err('from and to must be epoch milliseconds with from before to');
      }
      if (usageBucketCount(from as number, to as number, granularity) > MAX_USAGE_BUCKETS) {
        return err(`at most ${MAX_USAGE_BUCKETS} buckets of a ${granularity} in one query`);
      }
      const query = { type, teamId, from: from as number, to: to as number, granularity } as const;
      return ok(accountId === undefined ? query : { ...query, accountId });
    }
    default:
      return err(`unknown ledger query type ${JSON.stringify(type)}`);
  }
}

function isWholeMinute(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) % ACTIVITY_MINUTE_MS === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
