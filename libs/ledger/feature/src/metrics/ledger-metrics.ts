import { Injectable } from '@nestjs/common';
import { CHARGE_REFUSAL_REASONS, type LedgerCommandReply } from '@subledger/contracts';
import { counterMetric, DURATION_BUCKETS, histogramMetric } from '@subledger/platform';

/** Commands per committed batch, from a lone command to a full group commit. */
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];

/**
 * The ledger writer's metrics (docs/deployment.md, "Metrics"), recorded once a batch is committed:
 * what an answer says happened is counted only when it is known to be durable, and a replayed
 * answer (a redelivered or retried command) is not counted again.
 */
@Injectable()
export class LedgerMetrics {
  private readonly charges = counterMetric({
    name: 'subledger_charges_total',
    help: 'Charges decided by the ledger: accepted, or refused with the reason (account_inactive, credit_limit_exceeded, insufficient_balance)',
    labelNames: ['outcome', 'reason'] as const,
  });

  private readonly batchSize = histogramMetric({
    name: 'subledger_ledger_batch_size',
    help: 'Commands decided and committed together in one ledger transaction',
    buckets: BATCH_SIZE_BUCKETS,
  });

  private readonly commitDuration = histogramMetric({
    name: 'subledger_ledger_commit_duration_seconds',
    help: "Duration of the ledger's write transaction for one batch (events, projections, answers, offsets)",
    buckets: DURATION_BUCKETS,
  });

  constructor() {
    // Every series exists from the start, so that a rate over them reads 0 rather than nothing.
    this.charges.inc({ outcome: 'accepted', reason: '' }, 0);
    for (const reason of CHARGE_REFUSAL_REASONS) this.charges.inc({ outcome: 'refused', reason }, 0);
  }

  committed(commands: number, seconds: number): void {
    this.batchSize.observe(commands);
    this.commitDuration.observe(seconds);
  }

  answered(replies: readonly LedgerCommandReply[]): void {
    for (const reply of replies) {
      if (!reply.ok) continue;
      const outcome = reply.value;
      if (outcome.type === 'charge_accepted' && !outcome.replayed)
        this.charges.inc({ outcome: 'accepted', reason: '' });
      else if (outcome.type === 'charge_refused' && !outcome.replayed)
        this.charges.inc({ outcome: 'refused', reason: outcome.reason });
    }
  }
}
