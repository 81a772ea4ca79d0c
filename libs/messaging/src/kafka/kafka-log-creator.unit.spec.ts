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
  return {
    namespace: 'Consumer',
    level,
    label: logLevel[level],
    log: { timestamp: '2026-01-01T00:00:00Z', message, ...extra },
  };
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
      [
        method,
        '[kafka Consumer] Crash: KafkaJSNumberOfRetriesExceeded',
        { groupId: 'ledger', kafkaNamespace: 'Consumer' },
      ],
    ]);
  });

  it.each([
    ['Response Metadata(key: 3, version: 6)', { error: 'This server does not host this topic-partition' }, 'debug'],
    [
      'Response Metadata(key: 3, version: 6)',
      { error: 'There is no leader for this topic-partition as we are in the middle of a leadership election' },
      'debug',
    ],
    ['Response FindCoordinator(key: 10, version: 2)', { error: 'The group coordinator is not available' }, 'debug'],
    ['Response CreateTopics(key: 19, version: 3)', { error: 'Topic creation errors' }, 'debug'],
    ['Connection error: connect ECONNREFUSED 127.0.0.1:29092', {}, 'warn'],
    [
      '[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection timeout',
      {},
      'warn',
    ],
    [
      'Response Produce(key: 0, version: 7)',
      { error: 'The request included a message larger than the max message size the server will accept' },
      'error',
    ],
  ] as const)('logs the error entry "%s" %j at %s', (message, details, method) => {
    const calls: Call[] = [];
    kafkaLogCreator(recordingLogger(calls))(logLevel.WARN)(entry(logLevel.ERROR, message, details));

    expect(calls.map(([level]) => level)).toEqual([method]);
  });

  it.each([
    ['Crash: KafkaJSProtocolError: This server does not host this topic-partition', 'debug'],
    ['Crash: KafkaJSNumberOfRetriesExceeded: Connection error: connect ECONNREFUSED 127.0.0.1:29092', 'warn'],
    ['Crash: KafkaJSNonRetriableError: The request included a message larger than the max message size', 'error'],
  ] as const)('logs the restart after "%s" at %s, the level of the crash of its group', (crash, method) => {
    const calls: Call[] = [];
    const log = kafkaLogCreator(recordingLogger(calls))(logLevel.WARN);

    log(entry(logLevel.ERROR, crash, { groupId: 'replies.accounts' }));
    log(entry(logLevel.ERROR, 'Restarting the consumer in 300ms', { groupId: 'replies.accounts', retryTime: 300 }));
    log(entry(logLevel.ERROR, 'Restarting the consumer in 300ms', { groupId: 'ledger', retryTime: 300 }));

    expect(calls.map(([level, message]) => [level, message.slice(0, 40)])).toEqual([
      [method, `[kafka Consumer] ${crash}`.slice(0, 40)],
      [method, '[kafka Consumer] Restarting the consumer'],
      // No crash of this group was seen: an error, as kafkajs logs it.
      ['error', '[kafka Consumer] Restarting the consumer'],
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
