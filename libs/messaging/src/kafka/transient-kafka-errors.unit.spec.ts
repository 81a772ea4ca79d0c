import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { isTransientSendFailure } from './transient-kafka-errors';

/** As kafkajs' retrier wraps an error it gives up on: the original as the message and as the cause. */
const wrapped = (error: Error) => Object.assign(new KafkaJSNonRetriableError(error), { cause: error });
const refused = () =>
  new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092', {
    broker: '127.0.0.1:9092',
    code: 'ECONNREFUSED',
  });

describe('isTransientSendFailure', () => {
  it('is true for a connection that failed, as it is and as kafkajs wraps it once its retries are spent', () => {
    expect(
      [
        refused(),
        wrapped(refused()),
        new KafkaJSNumberOfRetriesExceeded(refused(), { retryCount: 5, retryTime: 3000 }),
      ].map(isTransientSendFailure),
    ).toEqual([true, true, true]);
  });

  it('is true for what a restarting broker answers a produce', () => {
    const answer = (type: string) =>
      new KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 0, retriable: false }));
    expect(
      [
        answer('OUT_OF_ORDER_SEQUENCE_NUMBER'),
        wrapped(answer('OUT_OF_ORDER_SEQUENCE_NUMBER')),
        answer('NOT_LEADER_FOR_PARTITION'),
      ].map(isTransientSendFailure),
    ).toEqual([true, true, true]);
  });

  it('is false for what the broker refused, and for errors that are not kafkajs errors', () => {
    const tooLarge = new KafkaJSProtocolError(
      Object.assign(
        new Error('The request included a message larger than the max message size the server will accept'),
        { type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false },
      ),
    );
    expect(
      [tooLarge, wrapped(tooLarge), new Error('Connection error'), 'ECONNREFUSED', undefined].map(
        isTransientSendFailure,
      ),
    ).toEqual([false, false, false, false, false]);
  });
});
