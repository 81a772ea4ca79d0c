import { Inject, Injectable, Logger } from '@nestjs/common';
import { ServiceConsumerGroups } from '@subledger/contracts';
import type { MessageBus, PartitionLag } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';
import { ApiError } from '../../shared/api-error';

/** How long an operator's read waits for the broker. */
const BROKER_TIMEOUT_MS = 3_000;

/** A bus that can measure any consumer group's lag (the Kafka bus); the port itself cannot. */
interface GroupLagReader {
  groupLags(groups: readonly string[]): Promise<PartitionLag[]>;
}

function readsGroupLags(bus: MessageBus): bus is MessageBus & GroupLagReader {
  return typeof (bus as Partial<GroupLagReader>).groupLags === 'function';
}

/** The lag of the services' consumer groups per partition, asked of the broker for each read. */
@Injectable()
export class ServiceConsumerLags {
  private readonly logger = new Logger(ServiceConsumerLags.name);

  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  /** Null where the bus is not Kafka's (embedded mode); a broker that does not answer is a 503. */
  async read(): Promise<PartitionLag[] | null> {
    if (!readsGroupLags(this.bus)) return null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${BROKER_TIMEOUT_MS} ms`)), BROKER_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.bus.groupLags(ServiceConsumerGroups), timeout]);
    } catch (error) {
      this.logger.warn(`Consumer lag not readable: ${error instanceof Error ? error.message : String(error)}`);
      throw new ApiError(
        503,
        'kafka_unavailable',
        "The Kafka broker did not tell the consumer groups' lag; try again.",
        {},
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
