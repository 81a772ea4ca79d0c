import { Topics } from '@subledger/contracts';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { type ChargeGate, holdCharges as holdChargesOnBus } from './charge-gate';
import type { TestApp } from './test-app';

/**
 * Holds the gateway's charges on their way to the ledger until `open()`, so that a test can act
 * while a send is still in flight. In-process, on the bus (see charge-gate); in distributed mode
 * the ledger processes are paused (SIGSTOP) and a charge is held in the ledger's command topic,
 * where `reached` sees it arrive. Keep the hold short: the gateway's request timeout still runs.
 */
export async function holdCharges(testApp: TestApp): Promise<ChargeGate> {
  if (testApp.mode === 'embedded') return holdChargesOnBus(testApp.bus);
  const { stack } = testApp;
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = process.env;
  // The run's broker may take SASL clients only (SUBLEDGER_TEST_KAFKA_SASL, docs/deployment.md "Kafka security").
  const sasl = mechanism ? { sasl: { mechanism, username, password } as SASLOptions } : {};
  const kafka = new Kafka({
    clientId: 'test-charge-gate',
    brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
    logLevel: logLevel.NOTHING,
    ...sasl,
  });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `${stack.topicPrefix}${Topics.ledgerCommands}`;
  const published = async () =>
    (await admin.fetchTopicOffsets(topic)).reduce((total, partition) => total + Number(partition.high), 0);
  const before = await published();
  const ledgers = stack.pids.ledger;
  for (const ledger of ledgers) process.kill(ledger, 'SIGSTOP');
  let opened = false;
  const watching = (async () => {
    while (!opened && (await published()) === before) await new Promise((resolve) => setTimeout(resolve, 50));
  })();
  return {
    reached: watching,
    open: () => {
      opened = true;
      for (const ledger of ledgers) process.kill(ledger, 'SIGCONT');
      void watching.finally(() => admin.disconnect());
    },
  };
}
