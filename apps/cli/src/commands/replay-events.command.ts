import type { Command } from 'commander';
import Joi from 'joi';
import { TopicConfigs, Topics } from '@subledger/contracts';
import { replayLedgerEvents } from '@subledger/ledger-feature/operations';
import { KafkaConnection, KafkaMessageBus, type MessagingLogger } from '@subledger/messaging';
import {
  kafkaConfigSchema,
  type KafkaSecurity,
  kafkaSecurity,
  type KafkaSecurityConfig,
  kafkaSecurityConfigSchema,
  parseBrokers,
  validateEnvironment,
} from '@subledger/platform/standalone';
import type { CliContext } from '../cli-context';

/** The Kafka settings of the services (docs/deployment.md) that a replay needs, TLS and SASL included; only this command reads them. */
interface ReplayKafkaConfig extends KafkaSecurityConfig {
  KAFKA_BROKERS: string;
  KAFKA_CLIENT_ID?: string;
  KAFKA_TOPIC_PREFIX: string;
}

const replayKafkaSchema = Joi.object<ReplayKafkaConfig>({
  KAFKA_BROKERS: kafkaConfigSchema.KAFKA_BROKERS,
  KAFKA_CLIENT_ID: kafkaConfigSchema.KAFKA_CLIENT_ID,
  KAFKA_TOPIC_PREFIX: kafkaConfigSchema.KAFKA_TOPIC_PREFIX,
  ...kafkaSecurityConfigSchema,
}).unknown(true);

export function replayEventsCommand(
  program: Command,
  run: (work: (context: CliContext) => Promise<number>) => Promise<void>,
): void {
  program
    .command('replay-events')
    .description(
      'Publish the ledger events again to ledger.events from the event store, as the relay published them, up to the last one committed (docs/events.md, "Replay")',
    )
    .option('--team <id>', "one team's events, in its stream's order (default: every team, in global order)")
    .action((options: { team?: string }) =>
      run(async (context) => {
        const kafka = validateEnvironment<ReplayKafkaConfig>(replayKafkaSchema, process.env);
        // TLS files are read before anything else is opened: an unreadable one ends the command naming its variable.
        const security = kafkaSecurity(kafka);
        const store = await context.stores.use('ledger');
        const bus = await startedBus(kafka, security, context);
        try {
          const result = await replayLedgerEvents(store, bus, {
            topic: Topics.ledgerEvents,
            teamId: options.team,
            signal: context.signal,
            onProgress: (published) => context.err(`\r${published} events published`),
          });
          if (options.team !== undefined && result.published === 0) {
            context.err(`error: the ledger holds no team ${options.team}\n`);
            return 2;
          }
          context.err(
            `\r${result.published} events published to ${kafka.KAFKA_TOPIC_PREFIX}${Topics.ledgerEvents}, through position ${result.through ?? '-'}\n`,
          );
          return 0;
        } finally {
          await bus.close();
        }
      }),
    );
}

async function startedBus(
  config: ReplayKafkaConfig,
  security: KafkaSecurity,
  context: CliContext,
): Promise<KafkaMessageBus> {
  const logger: MessagingLogger = {
    error: (message) => context.err(`kafka: ${message}\n`),
    warn: (message) => context.err(`kafka: ${message}\n`),
    info: () => undefined,
    debug: () => undefined,
  };
  const connection = new KafkaConnection({
    clientId: config.KAFKA_CLIENT_ID ?? 'subledger-cli',
    brokers: parseBrokers(config.KAFKA_BROKERS),
    logger,
    logLevel: 'warn',
    ...security,
  });
  const bus = new KafkaMessageBus({
    connection,
    logger,
    namespace: config.KAFKA_TOPIC_PREFIX,
    topicConfigs: TopicConfigs,
  });
  await bus.start();
  try {
    // The services create it at start; a replay before any service ran creates it the same way.
    await bus.ensureTopics([Topics.ledgerEvents]);
    return bus;
  } catch (error) {
    await bus.close();
    throw error;
  }
}
