import { startKafkaBroker } from '@subledger/test-harness';

/**
 * `npm run dev:kafka [-- --port 29092]`: a single-node Kafka broker for distributed mode on this
 * machine, without Docker, from the jars Maven fetches once into .cache/ (JDK 17 and Maven needed,
 * as for the tests). It runs until Ctrl-C and keeps nothing: every start is a fresh cluster.
 */
async function main(): Promise<void> {
  const portFlag = process.argv.indexOf('--port');
  const port = Number(portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.KAFKA_PORT ?? 29092));
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`--port takes a TCP port, not ${process.argv[portFlag + 1]}`);
  console.log(
    `Starting a single-node Kafka broker on 127.0.0.1:${port} (the first start fetches its jars with Maven)...`,
  );
  const broker = await startKafkaBroker({ externalBrokers: null, clientPort: port });
  console.log(`Kafka is ready: KAFKA_BROKERS=${broker.brokers.join(',')}  (Ctrl-C stops it and drops its data)`);
  // The broker process is unreferenced (it dies with this one): something has to keep Node up.
  const keepAlive = setInterval(() => undefined, 60_000);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    console.log('Stopping Kafka...');
    broker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
