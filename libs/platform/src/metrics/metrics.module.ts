import { type DynamicModule, Module } from '@nestjs/common';
import { collectDefaultMetrics, register } from 'prom-client';
import { HttpMetrics } from './http-metrics';
import { KafkaConsumerLagMetrics } from './kafka-consumer-lag.metrics';
import { MetricsController } from './metrics.controller';

/** Node's own metrics (CPU, memory, event loop lag, GC), once per process. */
function collectNodeMetricsOnce(): void {
  if (register.getSingleMetric('process_cpu_seconds_total') === undefined) collectDefaultMetrics();
}

/**
 * Prometheus metrics for an app: `GET /metrics`, Node's default metrics, the HTTP request
 * histogram, and whatever metrics the app's features register (each feature creates its own
 * through `counterMetric`/`histogramMetric`/`gaugeMetric`). Every series carries
 * `service="<name>"` (`embedded` for the one-process mode). With the Kafka bus, the lag of the
 * process's consumer groups too. The metrics list: docs/deployment.md, "Metrics".
 */
@Module({})
export class MetricsModule {
  static forRoot(service: string): DynamicModule {
    collectNodeMetricsOnce();
    register.setDefaultLabels({ service });
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [HttpMetrics, KafkaConsumerLagMetrics],
    };
  }
}
