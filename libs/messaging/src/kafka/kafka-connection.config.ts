import { MessagingLogger, MessagingLogLevel } from './messaging-logger.port';

export interface KafkaConnectionConfig {
  /** Names this process in the broker's logs and quotas, e.g. `subledger-ledger`. */
  clientId: string;
  /** Bootstrap addresses, `host:port`. */
  brokers: string[];
  logger: MessagingLogger;
  /** Defaults to `info`. */
  logLevel?: MessagingLogLevel;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** TLS to the brokers; absent means plaintext (docs/deployment.md, "Kafka security"). */
  tls?: KafkaTlsSettings;
  /** SASL authentication; absent means none. */
  sasl?: KafkaSaslSettings;
}

/** PEM contents (not paths): the files are read once, at start. */
export interface KafkaTlsSettings {
  /** Trusted CAs; Node's default CA list when absent. */
  ca?: string;
  /** Client certificate and its key, for brokers that authenticate clients by certificate; both or neither. */
  cert?: string;
  key?: string;
  /** Whether a broker certificate that fails verification is refused. */
  rejectUnauthorized: boolean;
}

export type KafkaSaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface KafkaSaslSettings {
  mechanism: KafkaSaslMechanism;
  username: string;
  password: string;
}
