import { Kafka, logLevel } from 'kafkajs';
import { KafkaConnection } from '../kafka-connection';
import { MessagingLogger } from '../messaging-logger.port';

// Helpers for the integration tests of this folder, run against the broker of the Jest global setup.

let counter = 0;

/** Topic and group names no other test or earlier run has used. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export function brokersFromEnv(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error('KAFKA_BROKERS is not set: run with jest.int.config.js, whose global setup starts Kafka');
  return brokers.split(',');
}

export interface LogLine {
  level: keyof MessagingLogger;
  message: string;
}

export function recordingLogger(): { logger: MessagingLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: keyof MessagingLogger) => (message: string) => lines.push({ level, message });
  return {
    lines,
    logger: { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') },
  };
}

export function testConnection(logger: MessagingLogger): KafkaConnection {
  return new KafkaConnection({
    clientId: uniqueName('messaging-int'),
    brokers: brokersFromEnv(),
    logger,
    logLevel: 'warn',
  });
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Read straight from the broker, to check what the wrapper committed without trusting it. */
export async function offsetsOf(topic: string, groupId: string): Promise<{ committed: number[]; end: number[] }> {
  const admin = new Kafka({ clientId: 'offsets-probe', brokers: brokersFromEnv(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    const byPartition = <T extends { partition: number }>(rows: T[]) =>
      [...rows].sort((a, b) => a.partition - b.partition);
    return {
      committed: byPartition(group.partitions).map((row) => Math.max(0, Number(row.offset))),
      end: byPartition(ends).map((row) => Number(row.high)),
    };
  } finally {
    await admin.disconnect();
  }
}
