import { MessageBusClosedError } from '../../port/message-bus-closed.error';
import type { KafkaConnection } from '../kafka-connection';
import { StartingKafkaBus } from './starting-kafka-bus';

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

function unstartedBus(): StartingKafkaBus {
  const createBus = () => {
    throw new Error('never started');
  };
  return new StartingKafkaBus({
    createBus,
    connection: {} as KafkaConnection,
    logger: quiet,
    brokers: ['127.0.0.1:9'],
    topics: [],
    publishWaitMs: 10,
  });
}

describe('StartingKafkaBus once closed (a SIGTERM)', () => {
  it('refuses requests, publishes and hand-overs as closed, which the gateway answers 503 shutting_down', async () => {
    const bus = unstartedBus();
    await bus.close();
    await expect(bus.request('ledger.commands', 'team', {}, { timeoutMs: 1_000 })).rejects.toBeInstanceOf(
      MessageBusClosedError,
    );
    await expect(bus.publish('ledger.events', 'team', {})).rejects.toBeInstanceOf(MessageBusClosedError);
    await expect(bus.handOver('accounts.commands', 'team', {})).rejects.toBeInstanceOf(MessageBusClosedError);
  });

  it('says why a publish failed while it still waits for Kafka', async () => {
    const bus = unstartedBus();
    await expect(bus.publish('ledger.events', 'team', {})).rejects.toThrow(
      /Kafka is not connected yet \(not_started\)/,
    );
  });
});
