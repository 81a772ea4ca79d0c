import type { TeamListItemView } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import { TeamRows } from '../read-model/team-rows';

export type TeamsStore = { readonly sql: Pick<SqlClient, 'query'>; readonly quotedSchema: string };

/**
 * Every team, newest first, a page at a time through the read model's own team list (the operators'
 * ListTeams), each with its live sub-accounts: memory holds one page however many teams there are.
 */
export async function* listTeams(store: TeamsStore, pageSize = 500): AsyncGenerator<TeamListItemView[]> {
  const rows = new TeamRows(store.quotedSchema);
  for (let after: TeamListItemView | null = null; ;) {
    const page: TeamListItemView[] = await rows.list(store.sql, null, after, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}
