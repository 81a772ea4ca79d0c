import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import type { MessageBus, PartitionLag } from '@subledger/messaging';
import { MESSAGE_BUS } from '../messaging/message-bus.module';
import { gaugeMetric } from './registered-metrics';

/** How often the lag is read from the broker. */
export const CONSUMER_LAG_REFRESH_MS = 5_000;

/** A bus that can measure its consumer groups' lag (the Kafka bus); the port itself cannot. */
interface LagReporter {
  consumerLags(): Promise<PartitionLag[]>;
}

function reportsLag(bus: MessageBus | undefined): bus is MessageBus & LagReporter {
  return bus !== undefined && typeof (bus as Partial<LagReporter>).consumerLags === 'function';
}

export const consumerLagGauge = () =>
  gaugeMetric({
    name: 'subledger_kafka_consumer_lag',
    help: "Messages of a partition that the process's consumer group has not consumed yet (committed), refreshed every 5 s",
    labelNames: ['group', 'topic', 'partition'] as const,
  });

/**
 * `subledger_kafka_consumer_lag{group,topic,partition}` for the consumer groups this process
 * subscribes with, read from the broker on a timer, off the path of any message or request.
 * Partitions that a refresh no longer reports disappear from the metric. A failed refresh keeps
 * the last values and is logged once until a refresh succeeds again. docs/deployment.md, "Metrics".
 */
@Injectable()
export class KafkaConsumerLagMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ConsumerLag');
  private readonly gauge = consumerLagGauge();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private failing = false;

  constructor(@Optional() @Inject(MESSAGE_BUS) private readonly bus: MessageBus | undefined) {}

  onApplicationBootstrap(): void {
    if (!reportsLag(this.bus)) return;
    this.timer = setInterval(() => void this.refresh(), CONSUMER_LAG_REFRESH_MS);
    this.timer.unref();
    void this.refresh();
  }

  /** Stops the timer and waits for a refresh in progress, while the bus is still open. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** Reads the lag now; resolves once the metric holds it (or the failure is logged). */
  refresh(): Promise<void> {
    this.inFlight ??= this.read().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async read(): Promise<void> {
    if (!reportsLag(this.bus)) return;
    try {
      const lags = await this.bus.consumerLags();
      this.gauge.reset();
      for (const { group, topic, partition, lag } of lags)
        this.gauge.set({ group, topic, partition: String(partition) }, lag);
      if (this.failing) this.logger.log('Consumer lag readable again');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.logger.warn(
          `Consumer lag not readable, keeping the last values: ${error instanceof Error ? error.message : String(error)}`,
        );
      this.failing = true;
    }
  }
}
