import { HealthIndicatorService } from '@nestjs/terminus';
import { StartingKafkaBus } from '@subledger/messaging';
import type { HealthCheck } from './health-checks';

/**
 * Up once the Kafka bus has started (topics created, producer connected, groups joined), a broker
 * answers now, and every consumer of this process is a member of its group. None for another bus.
 */
export function kafkaHealthChecks(indicators: HealthIndicatorService, bus: unknown): HealthCheck[] {
  if (!(bus instanceof StartingKafkaBus)) return [];
  return [
    async () => {
      const check = indicators.check('kafka');
      const { ready, ...details } = await bus.readiness();
      return ready ? check.up(details) : check.down(details);
    },
  ];
}
