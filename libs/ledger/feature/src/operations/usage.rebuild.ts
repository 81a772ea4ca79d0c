import type { ProjectionFold, RebuildableProjection } from '@subledger/platform';
import { ledgerTables } from '../store/ledger-tables';
import { USAGE_PROJECTION } from '../usage/usage-batch';
import { foldUsage } from '../usage/usage-fold';
import { usageStatements } from '../usage/usage-statements.sql';

/**
 * The usage projection (`ledger_usage_hourly`), folded page by page with the projector's own fold
 * and statement. The swap waits for the projector's batch in progress (its lock), and moves its
 * checkpoint to the last event folded, so it goes on from there.
 */
export const usageProjection: RebuildableProjection = {
  name: 'usage per hour',
  tables: [{ name: 'ledger_usage_hourly', key: ['team_id', 'account_id', 'hour_start'], compared: ['charges', 'refunds', 'refusals', 'spend'] }],
  checkpoint: USAGE_PROJECTION,
  lockLive: (schemas) => {
    const live = usageStatements(schemas.live, ledgerTables(schemas.live).usageHourly);
    return [[live.waitLock, [schemas.liveName, USAGE_PROJECTION]]];
  },
  start: (schemas): ProjectionFold => {
    const stage = usageStatements(schemas.stage, ledgerTables(schemas.stage).usageHourly);
    return {
      fold: async (page, db) => {
        const rows = foldUsage(page).map((delta) => ({
          team_id: delta.teamId,
          account_id: delta.accountId,
          hour_start: String(delta.hourStart),
          charges: delta.charges,
          refunds: delta.refunds,
          refusals: delta.refusals,
          spend: delta.spend.toString(),
        }));
        if (rows.length > 0) await db.query(stage.addDeltas, [JSON.stringify(rows)]);
      },
      flush: async () => undefined,
    };
  },
};
