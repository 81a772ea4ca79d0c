import {
  type Kafka,
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSProtocolError,
  type Producer,
} from 'kafkajs';
import { KafkaMessageProducer } from './kafka-message-producer';

/** A kafkajs producer that answers each send with the next outcome it was given. */
function fakeProducer(name: string, outcomes: (Error | 'ok')[], log: string[]): Producer {
  const answer = async () => {
    const outcome = outcomes.shift() ?? 'ok';
    log.push(`${name} send ${outcome === 'ok' ? 'ok' : outcome.message}`);
    if (outcome !== 'ok') throw outcome;
  };
  return {
    connect: async () => void log.push(`${name} connect`),
    disconnect: async () => void log.push(`${name} disconnect`),
    send: answer,
    sendBatch: answer,
  } as unknown as Producer;
}

function kafkaWith(producers: Producer[]): Kafka {
  return { producer: () => producers.shift() } as unknown as Kafka;
}

/** As kafkajs' retrier wraps a refusal it does not retry. */
const refusal = (type: string) => {
  const error = new KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 45, retriable: false }));
  return Object.assign(new KafkaJSNonRetriableError(error), { cause: error });
};
const batch = [{ topic: 't', messages: [{ key: 'k', value: 'v' }] }];

describe('KafkaMessageProducer', () => {
  it('sends again through a new producer when the broker lost the producer state, and keeps the new one', async () => {
    const log: string[] = [];
    const producer = new KafkaMessageProducer(
      kafkaWith([
        fakeProducer('first', [refusal('OUT_OF_ORDER_SEQUENCE_NUMBER')], log),
        fakeProducer('second', [], log),
      ]),
    );
    await producer.connect();

    await producer.sendBatch(batch);
    await producer.send('t', [{ key: 'k', value: 'w' }]);

    expect(log).toEqual([
      'first connect',
      'first send OUT_OF_ORDER_SEQUENCE_NUMBER',
      'second connect',
      'first disconnect',
      'second send ok',
      'second send ok',
    ]);
  });

  it('starts one new producer however many sends the old one failed at once', async () => {
    const log: string[] = [];
    const lost = () => refusal('UNKNOWN_PRODUCER_ID');
    const producer = new KafkaMessageProducer(
      kafkaWith([
        fakeProducer('first', [lost(), lost()], log),
        fakeProducer('second', [], log),
        fakeProducer('third', [], log),
      ]),
    );
    await producer.connect();

    await Promise.all([producer.sendBatch(batch), producer.sendBatch(batch)]);

    expect(log.filter((line) => line.endsWith('connect'))).toEqual([
      'first connect',
      'second connect',
      'first disconnect',
    ]);
  });

  it('fails a send for any other reason as it failed, with the same producer', async () => {
    const log: string[] = [];
    const unreachable = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    const producer = new KafkaMessageProducer(
      kafkaWith([
        fakeProducer('first', [unreachable, refusal('MESSAGE_TOO_LARGE')], log),
        fakeProducer('second', [], log),
      ]),
    );
    await producer.connect();

    await expect(producer.sendBatch(batch)).rejects.toBe(unreachable);
    await expect(producer.sendBatch(batch)).rejects.toThrow('MESSAGE_TOO_LARGE');
    await producer.sendBatch(batch);

    expect(log).toEqual([
      'first connect',
      'first send Connection error: connect ECONNREFUSED 127.0.0.1:9092',
      'first send MESSAGE_TOO_LARGE',
      'first send ok',
    ]);
  });
});
