import type { RebuildableProjection } from '@subledger/platform/standalone';
import { activityProjection } from '../activity/activity-batch';
import { usageProjection } from '../usage/usage-batch';
import { balancesProjection } from './balances.rebuild';
import { followerRebuild } from './follower.rebuild';

/** What `rebuild-projections --service ledger` folds again: the inline projections the writer keeps. */
export const ledgerRebuilds: readonly RebuildableProjection[] = [balancesProjection];

/** What `rebuild-projections --service ops` folds again: the asynchronous projections behind the dashboards. */
export const opsRebuilds: readonly RebuildableProjection[] = [
  followerRebuild('usage per hour', usageProjection, {
    name: 'ledger_usage_hourly',
    key: ['team_id', 'account_id', 'hour_start'],
    compared: ['charges', 'refunds', 'refusals', 'spend'],
  }),
  followerRebuild('activity per minute', activityProjection, {
    name: 'ledger_activity_minutes',
    key: ['minute_start', 'outcome', 'reason'],
    compared: ['count'],
  }),
];
