import { logLevel } from 'kafkajs';
import { kafkaLogCreator, toKafkaLogLevel } from './kafka-log-creator';
import { MessagingLogger } from './messaging-logger.port';

type Call = [method: keyof MessagingLogger, message: string, context?: Record<string, unknown>];

function recordingLogger(calls: Call[]): MessagingLogger {
  return {
    error: (message, context) => calls.push(['error', message, context]),
    warn: (message, context) => calls.push(['warn', message, context]),
    info: (message, context) => calls.push(['info', message, context]),
    debug: (message, context) => calls.push(['debug', message, context]),
  };
}

function entry(level: logLevel, message: string, extra: Record<string, unknown> = {}) {
  return { namespace: 'Consumer', level, label: logLevel[level], log: { timestamp: '2026-01-01T00:00:00Z', message, ...extra } };
}

describe('kafkaLogCreator', () => {
  it.each([
    [logLevel.ERROR, 'error'],
    [logLevel.WARN, 'warn'],
    [logLevel.INFO, 'info'],
    [logLevel.DEBUG, 'debug'],
  ] as const)('sends kafkajs level %s to logger.%s', (level, method) => {
    const calls: Call[] = [];
    const log = kafkaLogCreator(recordingLogger(calls))(logLevel.DEBUG);

    log(entry(level, 'Crash: KafkaJSNumberOfRetriesExceeded', { groupId: 'ledger' }));

    expect(calls).toEqual([
      [method, '[kafka Consumer] Crash: KafkaJSNumberOfRetriesExceeded', { groupId: 'ledger', kafkaNamespace: 'Consumer' }],
    ]);
  });

  it("drops kafkajs' own timestamp, since the app's logger stamps its lines", () => {
    const calls: Call[] = [];
    kafkaLogCreator(recordingLogger(calls))(logLevel.INFO)(entry(logLevel.INFO, 'joined'));

    expect(calls[0][2]).not.toHaveProperty('timestamp');
  });
});

describe('toKafkaLogLevel', () => {
  it('maps every level of ours to the kafkajs level of the same name', () => {
    expect(['error', 'warn', 'info', 'debug'].map((level) => toKafkaLogLevel(level as 'error'))).toEqual([
      logLevel.ERROR,
      logLevel.WARN,
      logLevel.INFO,
      logLevel.DEBUG,
    ]);
  });
});
