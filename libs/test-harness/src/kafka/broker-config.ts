import { randomBytes } from 'node:crypto';

export interface BrokerPorts {
  client: number;
  controller: number;
}

/**
 * A KRaft cluster id: 16 random bytes in unpadded base64url, as Kafka's own tools generate. Like
 * Kafka's `Uuid.randomUuid()`, never one that starts with '-': the storage tool would read it as an
 * option and refuse to format (one start in 64 failed that way).
 */
export function randomClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * One node that is both broker and controller, tuned to start fast and to behave like a real
 * cluster for the tests: explicit topics only, replication of internal topics at 1, no rebalance
 * delay for new consumer groups.
 */
export function serverProperties(ports: BrokerPorts, logDir: string): string {
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${ports.controller}`,
    listeners: `PLAINTEXT://127.0.0.1:${ports.client},CONTROLLER://127.0.0.1:${ports.controller}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.client}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDir,
    'auto.create.topics.enable': 'false',
    'num.partitions': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 4,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 4,
    'group.initial.rebalance.delay.ms': 0,
    // The client port opens only once the controller unfences the broker, which waits for a
    // heartbeat: the default interval of 2 s would be most of the start-up time.
    'broker.heartbeat.interval.ms': 200,
    'controller.quorum.election.timeout.ms': 200,
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

/** Console only, WARN and above: the broker's output is kept in memory to explain a failed start. */
export const log4jProperties = [
  'log4j.rootLogger=WARN, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
].join('\n');
