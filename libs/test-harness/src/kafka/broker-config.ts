import { randomBytes } from 'node:crypto';

export interface BrokerPorts {
  client: number;
  controller: number;
}

/** PEM files of a TLS client listener (Kafka's PEM key and trust stores). */
export interface BrokerTlsFiles {
  /** The broker's PKCS#8 key followed by its certificate. */
  keyStoreFile: string;
  /** The CA the broker trusts, for client certificates. */
  trustStoreFile: string;
  /** Whether a client must present a certificate signed by that CA. */
  requireClientCertificate: boolean;
}

/** One user a SASL client listener accepts (docs/deployment.md, "Kafka security"). */
export interface BrokerSasl {
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  username: string;
  /** Letters, digits, `.`, `_` and `-` only: it is written into a JAAS line unescaped. */
  password: string;
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
export function serverProperties(ports: BrokerPorts, logDir: string, sasl?: BrokerSasl, tls?: BrokerTlsFiles): string {
  // PLAINTEXT, SASL_PLAINTEXT, SSL or SASL_SSL: Kafka's names of the client listener's protocol.
  const client = `${sasl ? 'SASL_' : ''}${tls ? 'SSL' : 'PLAINTEXT'}`;
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${ports.controller}`,
    listeners: `${client}://127.0.0.1:${ports.client},CONTROLLER://127.0.0.1:${ports.controller}`,
    'advertised.listeners': `${client}://127.0.0.1:${ports.client}`,
    'listener.security.protocol.map': `${client}:${client},CONTROLLER:PLAINTEXT`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': client,
    ...(sasl ? saslProperties(sasl, client.toLowerCase()) : {}),
    ...(tls ? tlsProperties(tls, client.toLowerCase()) : {}),
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

/**
 * The client listener authenticates with one mechanism and one user, who is also the broker's own
 * inter-broker identity. PLAIN users live in the JAAS line; SCRAM users in the cluster metadata,
 * written when the storage is formatted (scramFormatArguments).
 */
function saslProperties(sasl: BrokerSasl, listener: string): Record<string, string> {
  if (!/^[A-Za-z0-9._-]+$/.test(sasl.username) || !/^[A-Za-z0-9._-]+$/.test(sasl.password)) {
    throw new Error('The harness broker takes SASL usernames and passwords of letters, digits, ".", "_" and "-" only');
  }
  const mechanism = sasl.mechanism.toUpperCase();
  const credentials = `username="${sasl.username}" password="${sasl.password}"`;
  const jaas =
    sasl.mechanism === 'plain'
      ? `org.apache.kafka.common.security.plain.PlainLoginModule required ${credentials} user_${sasl.username}="${sasl.password}";`
      : `org.apache.kafka.common.security.scram.ScramLoginModule required ${credentials};`;
  return {
    'sasl.enabled.mechanisms': mechanism,
    'sasl.mechanism.inter.broker.protocol': mechanism,
    [`listener.name.${listener}.${sasl.mechanism}.sasl.jaas.config`]: jaas,
  };
}

/**
 * PEM stores (no keytool needed); the broker's certificate names 127.0.0.1, which the client verifies.
 * Kafka ignores a broker-wide ssl.client.auth on SASL_SSL listeners (KIP-684): only the
 * listener-prefixed one makes such a listener require a client certificate.
 */
function tlsProperties(tls: BrokerTlsFiles, listener: string): Record<string, string> {
  return {
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': tls.keyStoreFile,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': tls.trustStoreFile,
    [`listener.name.${listener}.ssl.client.auth`]: tls.requireClientCertificate ? 'required' : 'none',
  };
}

/** `kafka-storage format` arguments that create a SCRAM user; none for PLAIN. */
export function scramFormatArguments(sasl?: BrokerSasl): string[] {
  if (!sasl || sasl.mechanism === 'plain') return [];
  return ['--add-scram', `${sasl.mechanism.toUpperCase()}=[name=${sasl.username},password=${sasl.password}]`];
}

/** Console only, WARN and above: the broker's output is kept in memory to explain a failed start. */
export const log4jProperties = [
  'log4j.rootLogger=WARN, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
].join('\n');
