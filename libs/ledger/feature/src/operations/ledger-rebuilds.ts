import type { RebuildableProjection } from '@subledger/platform';
import { balancesProjection } from './balances.rebuild';
import { usageProjection } from './usage.rebuild';

/** What `rebuild-projections --service ledger` folds again: the inline projections the writer keeps. */
export const ledgerRebuilds: readonly RebuildableProjection[] = [balancesProjection];

/** What `rebuild-projections --service ops` folds again: the asynchronous projections behind the dashboards. */
export const opsRebuilds: readonly RebuildableProjection[] = [usageProjection];
