import { MessageProducer, TopicMessages } from '../message-producer.port';
import { CoalescingSender } from './coalescing-sender';

function recordingProducer(fail?: Error) {
  const sends: TopicMessages[][] = [];
  let release: () => void = () => undefined;
  const producer: MessageProducer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: async () => undefined,
    sendBatch: (batches) => {
      sends.push(batches);
      return new Promise<void>((resolve, reject) => (release = () => (fail ? reject(fail) : resolve())));
    },
  };
  return { producer, sends, release: () => release() };
}

const flushMicrotasks = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingSender', () => {
  it('sends at once when idle, then gathers what arrives meanwhile into one send, in order per topic', async () => {
    const { producer, sends, release } = recordingProducer();
    const sender = new CoalescingSender(producer);

    const first = sender.send('a', { key: 'k', value: '1' });
    const later = [
      sender.send('a', { key: 'k', value: '2' }),
      sender.send('b', { key: 'k', value: '3' }),
      sender.send('a', { key: 'j', value: '4' }),
    ];
    expect(sends).toHaveLength(1);
    release();
    await first;
    await flushMicrotasks();
    release();
    await Promise.all(later);

    expect(sends).toEqual([
      [{ topic: 'a', messages: [{ key: 'k', value: '1' }] }],
      [
        {
          topic: 'a',
          messages: [
            { key: 'k', value: '2' },
            { key: 'j', value: '4' },
          ],
        },
        { topic: 'b', messages: [{ key: 'k', value: '3' }] },
      ],
    ]);
  });

  it('splits what waits into sends of at most the byte budget, oldest first, a larger message alone', async () => {
    const { producer, sends, release } = recordingProducer();
    const sender = new CoalescingSender(producer, 10);

    const first = sender.send('a', { key: 'k', value: '0' });
    const later = [
      sender.send('a', { key: 'k', value: '1234' }),
      sender.send('b', { key: 'k', value: '5678' }),
      sender.send('a', { key: 'k', value: 'a message over the budget' }),
      sender.send('a', { key: 'k', value: '9' }),
    ];
    for (let round = 0; round < 4; round++) {
      release();
      await flushMicrotasks();
    }
    await Promise.all([first, ...later]);

    expect(sends).toEqual([
      [{ topic: 'a', messages: [{ key: 'k', value: '0' }] }],
      [
        { topic: 'a', messages: [{ key: 'k', value: '1234' }] },
        { topic: 'b', messages: [{ key: 'k', value: '5678' }] },
      ],
      [{ topic: 'a', messages: [{ key: 'k', value: 'a message over the budget' }] }],
      [{ topic: 'a', messages: [{ key: 'k', value: '9' }] }],
    ]);
  });

  it("fails every publish of a failed send with the producer's error", async () => {
    const boom = new Error('broker down');
    const { producer, release } = recordingProducer(boom);
    const sender = new CoalescingSender(producer);

    const sent = sender.send('a', { key: 'k', value: '1' });
    release();

    await expect(sent).rejects.toBe(boom);
  });
});
