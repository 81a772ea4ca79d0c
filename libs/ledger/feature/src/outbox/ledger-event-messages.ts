import type { RecordedEvent, SqlClient } from '@subledger/event-store';
import { ledgerEventMessage, type OutgoingLedgerEvent, teamOfLedgerEvent } from './ledger-event-message';

/** What reading the currencies needs: a query on the event store's database (a transaction or the pool). */
export type CurrencySource = Pick<SqlClient, 'query'>;

/**
 * The messages of a run of stored events, in their order, each with its team's currency. A team's
 * currency is set by its `TeamOpened`, the first event of its stream, and never changes: a team
 * opened in the same run takes it from there, every other team from its stream's version 0, read in
 * one query (the events table's unique (stream_id, stream_version) index answers it). A ledger
 * event whose team has no `TeamOpened` means a damaged store and throws.
 */
export async function ledgerEventMessages(
  sql: CurrencySource,
  quotedSchema: string,
  events: readonly RecordedEvent[],
): Promise<OutgoingLedgerEvent[]> {
  const currencies = await teamCurrencies(sql, quotedSchema, events);
  return events.flatMap((event) => {
    const teamId = teamOfLedgerEvent(event);
    if (teamId === undefined) return [];
    const currency = currencies.get(teamId);
    if (currency === undefined)
      throw new Error(
        `Event ${event.streamVersion} of ${event.streamId}: the stream has no TeamOpened with a currency`,
      );
    return ledgerEventMessage(event, currency) ?? [];
  });
}

async function teamCurrencies(
  sql: CurrencySource,
  quotedSchema: string,
  events: readonly RecordedEvent[],
): Promise<Map<string, string>> {
  const currencies = new Map<string, string>();
  const streams = new Map<string, string>();
  for (const event of events) {
    const teamId = teamOfLedgerEvent(event);
    if (teamId === undefined) continue;
    const opened = openingCurrency(event);
    if (opened !== undefined) currencies.set(teamId, opened);
    else if (!currencies.has(teamId)) streams.set(event.streamId, teamId);
  }
  for (const teamId of currencies.keys()) streams.delete(`team-${teamId}`);
  if (streams.size === 0) return currencies;
  const { rows } = await sql.query<{ stream_id: string; currency: unknown }>(
    `SELECT stream_id, data->>'currency' AS currency FROM ${quotedSchema}.events
      WHERE stream_id = ANY($1::text[]) AND stream_version = 0 AND type = 'TeamOpened'`,
    [[...streams.keys()]],
  );
  for (const row of rows) {
    const teamId = streams.get(row.stream_id);
    if (teamId !== undefined && typeof row.currency === 'string') currencies.set(teamId, row.currency);
  }
  return currencies;
}

function openingCurrency(event: RecordedEvent): string | undefined {
  const { currency } = event.data;
  return event.type === 'TeamOpened' && typeof currency === 'string' ? currency : undefined;
}
