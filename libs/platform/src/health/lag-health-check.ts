import { HealthIndicatorService } from '@nestjs/terminus';
import { register } from 'prom-client';
import type { HealthCheck } from './health-checks';

/** The followers of the event store whose lag the ledger measures (docs/deployment.md, "Metrics"), by gauge. */
const LAG_GAUGES = [
  { metric: 'subledger_outbox_relay_lag_events', name: 'outbox_relay' },
  { metric: 'subledger_projection_lag_events', name: 'projection' },
];

/**
 * Up while the outbox relay and every projection trail the event store by at most `maxLagEvents`,
 * as they last measured it; a process that measures none (gateway, accounts) is always up.
 */
export function lagHealthCheck(indicators: HealthIndicatorService, maxLagEvents: number): HealthCheck {
  return async () => {
    const check = indicators.check('lag');
    const lags: Record<string, number> = {};
    for (const { metric, name } of LAG_GAUGES) {
      const gauge = register.getSingleMetric(metric);
      if (!gauge) continue;
      for (const { labels, value } of (await gauge.get()).values)
        lags[labels['projection'] === undefined ? name : `${name}:${labels['projection']}`] = value;
    }
    const behind = Object.keys(lags).filter((name) => lags[name] > maxLagEvents);
    return behind.length === 0 ? check.up({ maxLagEvents, lags }) : check.down({ maxLagEvents, lags, behind });
  };
}
