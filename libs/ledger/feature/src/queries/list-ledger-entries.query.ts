import { replyOk, replyRefused } from '@subledger/contracts';
import type { LedgerEntryView, LedgerOrder, LedgerQueryReply } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';
import { ledgerEventOf, teamStreamId } from '../team-state/team-stream';
import { ledgerEntryOf } from './ledger-entry.view';

export interface ListLedgerEntries {
  readonly teamId: string;
  readonly accountId?: string;
  readonly cursor: string | null;
  readonly limit: number;
  readonly order?: LedgerOrder;
}

interface EntryRow {
  [column: string]: unknown;
  position: string | null;
  global_position: string;
  data: unknown;
  balance_after: string | null;
}

// A cursor is the stream position of the last entry of the page before, a bigint in decimal.
const CURSOR = /^(0|[1-9][0-9]{0,17})$/;

// Newest first starts above every stream version a bigint can hold.
const TOP = '9223372036854775807';

/** The page's bound on the stream version, and its order: the only SQL that differs by order. */
const ORDERS: Readonly<Record<LedgerOrder, { readonly after: string; readonly orderBy: string }>> = {
  asc: { after: 'stream_version > $3::bigint', orderBy: 'stream_version' },
  desc: { after: 'stream_version < $3::bigint', orderBy: 'stream_version DESC' },
};

/**
 * A page of the team's stream in stream order (oldest or newest first), each entry with the balance after it (kept in the
 * event's metadata when it was written). The cursor is a stream position, so pages stay stable
 * while new events arrive. The account filter reads the team's stream and keeps the account's
 * events: cheap for the operator's use, though a very long stream would want an index by account.
 */
export async function listLedgerEntries(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  { teamId, accountId, cursor, limit, order = 'asc' }: ListLedgerEntries,
): Promise<LedgerQueryReply<'ListLedgerEntries'>> {
  if (cursor !== null && (!CURSOR.test(cursor) || BigInt(cursor) > BigInt(TOP)))
    return replyRefused({ type: 'invalid_cursor' });
  const streamId = teamStreamId(teamId);
  const { rows } = await sql.query<EntryRow>(
    `SELECT e.position, e.global_position, e.data, e.balance_after
     FROM ${tables.teamBalances} t
     LEFT JOIN LATERAL (
       SELECT stream_version::text AS position, global_position::text AS global_position, data,
         metadata->>'balanceAfter' AS balance_after
       FROM ${tables.events}
       WHERE stream_id = $2 AND ${ORDERS[order].after} AND ($4::text IS NULL OR data->>'accountId' = $4::text)
       ORDER BY ${ORDERS[order].orderBy} LIMIT $5::integer
     ) e ON true
     WHERE t.team_id = $1`,
    [teamId, streamId, cursor ?? (order === 'asc' ? '-1' : TOP), accountId ?? null, limit + 1],
  );
  if (rows.length === 0) return replyRefused({ type: 'team_not_found' });
  const entries = rows.filter((row) => row.position !== null).map((row) => entryOf(streamId, row));
  const items = entries.slice(0, limit);
  const nextCursor = entries.length > limit ? items[items.length - 1].position : null;
  return replyOk({ items, nextCursor });
}

function entryOf(streamId: string, row: EntryRow): LedgerEntryView {
  const position = BigInt(row.position as string);
  if (row.balance_after === null) throw new Error(`Event ${position} of ${streamId} carries no balanceAfter`);
  const event = ledgerEventOf(streamId, position, row.data);
  return ledgerEntryOf(event, {
    position,
    globalPosition: BigInt(row.global_position),
    balanceAfter: BigInt(row.balance_after),
  });
}
