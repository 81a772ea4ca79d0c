import { logCreator, logLevel, LogEntry } from 'kafkajs';
import { MessagingLogger, MessagingLogLevel } from './messaging-logger.port';
import { levelOfKafkaError } from './transient-kafka-errors';

export function toKafkaLogLevel(level: MessagingLogLevel): logLevel {
  switch (level) {
    case 'error':
      return logLevel.ERROR;
    case 'warn':
      return logLevel.WARN;
    case 'info':
      return logLevel.INFO;
    case 'debug':
      return logLevel.DEBUG;
    default: {
      const unknownLevel: never = level;
      throw new Error(`Unknown log level ${String(unknownLevel)}`);
    }
  }
}

/** Sends kafkajs' log entries to the app's logger instead of kafkajs' console logger. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () => {
    const levelOfError = errorLevels();
    return (entry: LogEntry) => {
      const { message, timestamp: _timestamp, ...details } = entry.log;
      const context = { ...details, kafkaNamespace: entry.namespace };
      const text = `[kafka ${entry.namespace}] ${message}`;
      switch (entry.level) {
        case logLevel.ERROR:
          return logger[levelOfError(message, details)](text, context);
        case logLevel.WARN:
          return logger.warn(text, context);
        case logLevel.INFO:
          return logger.info(text, context);
        case logLevel.DEBUG:
        case logLevel.NOTHING:
          return logger.debug(text, context);
        default: {
          const unknownLevel: never = entry.level;
          return logger.warn(text, { ...context, kafkaLogLevel: unknownLevel });
        }
      }
    };
  };
}

/**
 * The level of kafkajs' error-level entries of one client (levelOfKafkaError). A consumer that
 * crashed and restarts logs two entries, "Crash: <error>" and then "Restarting the consumer in
 * <n>ms", the second without the error: it is worth what the crash was, so that a crash on a
 * broker that has just started (a partition it does not host yet: debug) is not followed by an
 * error line for its restart.
 */
function errorLevels(): typeof levelOfKafkaError {
  const crashes = new Map<unknown, ReturnType<typeof levelOfKafkaError>>();
  return (message, details) => {
    if (message.startsWith('Restarting the consumer')) return crashes.get(details['groupId']) ?? 'error';
    const level = levelOfKafkaError(message, details);
    if (message.startsWith('Crash: ')) crashes.set(details['groupId'], level);
    return level;
  };
}
