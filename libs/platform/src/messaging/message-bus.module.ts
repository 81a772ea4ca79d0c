import { type BeforeApplicationShutdown, type DynamicModule, Global, Inject, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Topics } from '@subledger/contracts';
import { InProcessBus, KafkaConnection, KafkaMessageBus, type MessageBus, type MessagingLogger } from '@subledger/messaging';
import { parseBrokers } from '../config/infrastructure-config.schema';
import type { KafkaConfig } from '../config/kafka-config.schema';
import { tracingStarted } from '../tracing/start-tracing';
import { traceBus } from '../tracing/traced-bus';
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
      providers: [{ provide: MESSAGE_BUS, useFactory: () => scopeHandlersByRequestId(new InProcessBus(), 'in-process') }],
      exports: [MESSAGE_BUS],
    };
  }

  /**
   * Kafka at KAFKA_BROKERS. Every service topic (and its dead-letter topic) is created at start if
   * missing, with KAFKA_TOPIC_PARTITIONS partitions, `ledger.commands` with LEDGER_COMMAND_PARTITIONS:
   * whichever service starts first, the topics exist before anyone publishes.
   */
  static kafka(service: string): DynamicModule {
    return {
      module: MessageBusModule,
      providers: [
        {
          provide: MESSAGE_BUS,
          inject: [ConfigService],
          useFactory: (config: ConfigService<KafkaConfig, true>) => startKafkaBus(service, config),
        },
      ],
      exports: [MESSAGE_BUS],
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

async function startKafkaBus(service: string, config: ConfigService<KafkaConfig, true>): Promise<KafkaMessageBus> {
  const logger = nestMessagingLogger(new Logger(`kafka:${service}`));
  const connection = new KafkaConnection({
    clientId: config.get('KAFKA_CLIENT_ID', { infer: true }) ?? `subledger-${service}`,
    brokers: parseBrokers(config.get('KAFKA_BROKERS')),
    logger,
    logLevel: 'warn',
  });
  const bus = new KafkaMessageBus({
    connection,
    logger,
    namespace: config.get('KAFKA_TOPIC_PREFIX'),
    defaultPartitions: config.get('KAFKA_TOPIC_PARTITIONS'),
    partitions: { [Topics.ledgerCommands]: config.get('LEDGER_COMMAND_PARTITIONS') },
    replicationFactor: config.get('KAFKA_REPLICATION_FACTOR', { infer: true }),
    sessionTimeoutMs: config.get('KAFKA_SESSION_TIMEOUT_MS'),
  });
  await bus.start();
  const topics = Object.values(Topics);
  await bus.ensureTopics([...topics, ...topics.map((topic) => `${topic}.dead-letter`)]);
  const scoped = scopeHandlersByRequestId(bus, service);
  return tracingStarted() ? traceBus(scoped) : scoped;
}

function nestMessagingLogger(logger: Logger): MessagingLogger {
  const line = (message: string, context?: Record<string, unknown>) => (context === undefined ? message : `${message} ${JSON.stringify(context)}`);
  return {
    error: (message, context) => logger.error(line(message, context)),
    warn: (message, context) => logger.warn(line(message, context)),
    info: (message, context) => logger.log(line(message, context)),
    debug: (message, context) => logger.debug(line(message, context)),
  };
}
