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
}
