import { HealthIndicatorService } from '@nestjs/terminus';
import { register } from 'prom-client';
import { gaugeMetric } from '../metrics/registered-metrics';
import { lagHealthCheck } from './lag-health-check';

describe('lagHealthCheck', () => {
  const indicators = new HealthIndicatorService();
  afterEach(() => register.clear());

  it('is up without any lag gauge (a process that measures none)', async () => {
    expect(await lagHealthCheck(indicators, 10)()).toEqual({ lag: { status: 'up', maxLagEvents: 10, lags: {} } });
  });

  it('is up at the threshold and down past it, naming who is behind', async () => {
    const relay = gaugeMetric({ name: 'subledger_outbox_relay_lag_events', help: 'relay' });
    const projections = gaugeMetric({
      name: 'subledger_projection_lag_events',
      help: 'projections',
      labelNames: ['projection'] as const,
    });
    relay.set(10);
    projections.set({ projection: 'usage' }, 3);
    expect(await lagHealthCheck(indicators, 10)()).toEqual({
      lag: { status: 'up', maxLagEvents: 10, lags: { outbox_relay: 10, 'projection:usage': 3 } },
    });

    projections.set({ projection: 'activity' }, 11);
    expect(await lagHealthCheck(indicators, 10)()).toEqual({
      lag: {
        status: 'down',
        maxLagEvents: 10,
        lags: { outbox_relay: 10, 'projection:usage': 3, 'projection:activity': 11 },
        behind: ['projection:activity'],
      },
    });
  });
});
