import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  type INestApplicationContext,
  Logger,
  Module,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TopicConfigs, Topics } from '@subledger/contracts';
import {
  InProcessBus,
  KafkaConnection,
  KafkaMessageBus,
  type MessageBus,
  type MessagingLogger,
  StartingKafkaBus,
} from '@subledger/messaging';
import { parseBrokers } from '../config/infrastructure-config.schema';
import type { KafkaConfig } from '../config/kafka-config.schema';
import {
  describeKafkaSecurity,
  kafkaSecurity,
  type KafkaSecurityConfig,
  kafkaSecurityConfigSchema,
} from '../config/kafka-security-config';
import { configValues } from '../config/validated-config.module';
import { tracingStarted } from '../tracing/start-tracing';
import { contractTopicCodecs } from './contract-topic-codecs';
import { traceBus } from '../tracing/traced-bus';
import { KeyIdentityChanges } from './key-identity-changes';
import { scopeHandlersByRequestId } from './request-id-scope';

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');

type ClosableBus = MessageBus & { close(): void | Promise<void> };

/**
 * The process's transport, shared by every module: in-process in embedded mode, Kafka in
 * distributed mode. It is closed before the application shuts down, so consumers stop (and leave
 * their groups) while the event store they write to is still open.
 */
@Global()
@Module({})
export class MessageBusModule implements BeforeApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: ClosableBus) {}

  static inProcess(): DynamicModule {
    return {
      module: MessageBusModule,
      providers: [
        { provide: MESSAGE_BUS, useFactory: () => scopeHandlersByRequestId(new InProcessBus(), 'in-process') },
        KeyIdentityChanges,
      ],
      exports: [MESSAGE_BUS, KeyIdentityChanges],
    };
  }

  /**
   * Kafka at KAFKA_BROKERS. Every service topic (and its dead-letter topic) is created at start if
   * missing, with KAFKA_TOPIC_PARTITIONS partitions, `ledger.commands` with LEDGER_COMMAND_PARTITIONS:
   * whichever service starts first, the topics exist before anyone publishes. The start waits for
   * the broker as long as it takes (StartingKafkaBus).
   */
  static kafka(service: string): DynamicModule {
    return {
      module: MessageBusModule,
      providers: [
        {
          provide: MESSAGE_BUS,
          inject: [ConfigService],
          useFactory: (config: ConfigService<KafkaConfig, true>) => startingKafkaBus(service, config),
        },
      ],
      exports: [MESSAGE_BUS],
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

/**
 * The bus is handed out at once and connects only when startBusAfterListening() is called: HTTP
 * answers liveness while Kafka is awaited, and the consumer groups are joined once the process can
 * serve (docs/deployment.md, "Start-up and health").
 */
function startingKafkaBus(service: string, config: ConfigService<KafkaConfig, true>): StartingKafkaBus {
  const logger = nestMessagingLogger(new Logger(`kafka:${service}`));
  const brokers = parseBrokers(config.get('KAFKA_BROKERS'));
  // Files are read here, at start: an unreadable one stops the start naming its variable.
  const security = kafkaSecurity(
    configValues<KafkaSecurityConfig>(config as unknown as ConfigService, kafkaSecurityConfigSchema),
  );
  logger.info(`Kafka client: ${describeKafkaSecurity(security)}`);
  const connection = new KafkaConnection({
    clientId: config.get('KAFKA_CLIENT_ID', { infer: true }) ?? `subledger-${service}`,
    brokers,
    logger,
    logLevel: 'warn',
    ...security,
  });
  const createBus = () => {
    const bus = new KafkaMessageBus({
      connection,
      logger,
      codecs: contractTopicCodecs,
      namespace: config.get('KAFKA_TOPIC_PREFIX'),
      defaultPartitions: config.get('KAFKA_TOPIC_PARTITIONS'),
      partitions: { [Topics.ledgerCommands]: config.get('LEDGER_COMMAND_PARTITIONS') },
      topicConfigs: TopicConfigs,
      replicationFactor: config.get('KAFKA_REPLICATION_FACTOR', { infer: true }),
      sessionTimeoutMs: config.get('KAFKA_SESSION_TIMEOUT_MS'),
      heartbeatIntervalMs: config.get('KAFKA_HEARTBEAT_INTERVAL_MS'),
      rebalanceTimeoutMs: config.get('KAFKA_REBALANCE_TIMEOUT_MS'),
    });
    const scoped = scopeHandlersByRequestId(bus, service);
    return tracingStarted() ? traceBus(scoped) : scoped;
  };
  const topics = Object.values(Topics);
  return new StartingKafkaBus({
    createBus,
    connection,
    logger,
    brokers,
    topics: [...topics, ...topics.map((topic) => `${topic}.dead-letter`)],
  });
}

/** Called once the app listens: a Kafka bus starts connecting (in the background); any other bus has nothing to do. */
export function startBusAfterListening(app: INestApplicationContext): void {
  let bus: unknown;
  try {
    bus = app.get(MESSAGE_BUS, { strict: false });
  } catch {
    return;
  }
  if (bus instanceof StartingKafkaBus) void bus.start();
}

function nestMessagingLogger(logger: Logger): MessagingLogger {
  const line = (message: string, context?: Record<string, unknown>) =>
    context === undefined ? message : `${message} ${JSON.stringify(context)}`;
  return {
    error: (message, context) => logger.error(line(message, context)),
    warn: (message, context) => logger.warn(line(message, context)),
    info: (message, context) => logger.log(line(message, context)),
    debug: (message, context) => logger.debug(line(message, context)),
  };
}
