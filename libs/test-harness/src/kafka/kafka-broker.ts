import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BrokerPorts,
  type BrokerSasl,
  type BrokerTlsFiles,
  log4jProperties,
  randomClusterId,
  scramFormatArguments,
  serverProperties,
} from './broker-config';
import { BrokerStartError, waitUntilReady } from './broker-readiness';
import { freePort } from './free-port';
import { defaultJarsDir, ensureKafkaJars } from './kafka-jars';
import { requireJava } from './required-tools';
import { runCommand } from './run-command';
import { WatchedProcess } from './watched-process';

export type { BrokerSasl } from './broker-config';
export { saslEnvironment } from './run-broker-sasl';
export { createTestCertificates, type TestCertificates } from './test-certificates';

export interface KafkaBroker {
  /** Bootstrap addresses, `host:port`. */
  brokers: string[];
  /** Stops the broker (SIGTERM, then SIGKILL after a deadline) and removes its data. */
  stop(): Promise<void>;
  /**
   * SIGKILLs the broker, as a lost machine would end it: no shutdown of its own, its data directory
   * left as it was. `restart()` starts it again on the same ports and data, so its topics, committed
   * offsets and groups survive. An external broker (KAFKA_BROKERS) refuses both.
   */
  kill(): Promise<void>;
  /** Starts a killed broker again on its ports and data directory; resolves once it serves clients. */
  restart(): Promise<void>;
}

export interface KafkaBrokerOptions {
  /**
   * Comma-separated addresses of a running broker to use instead of starting one. Defaults to the
   * environment's KAFKA_BROKERS; `null` always starts a broker.
   */
  externalBrokers?: string | null;
  /** Jar cache; defaults to SUBLEDGER_KAFKA_JARS or `<repo>/.cache/kafka-3.9.1`. */
  jarsDir?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Heap and GC flags; the defaults suit test traffic on a 2-core machine. */
  jvmOptions?: string[];
  /** The client port to listen on (the controller takes a free one); free loopback ports when absent. */
  clientPort?: number;
  /** A SASL client listener that accepts this one user instead of a PLAINTEXT one. */
  sasl?: BrokerSasl;
  /** A TLS client listener (SSL, or SASL_SSL with `sasl`). */
  tls?: BrokerTls;
}

/** PEM text: the CA, the broker's key and certificate, and the client certificate the broker then requires. */
export interface BrokerTls {
  ca: string;
  brokerKeyAndCertificate: string;
  clientCertificate?: { cert: string; key: string };
}

// Serial GC and a small heap start faster and take ~300 MB of RSS instead of ~350 MB with G1 and 1 GB.
const defaultJvmOptions = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC'];
const bindAttempts = 3;

/** Starts a single-node KRaft Kafka broker on free loopback ports, or hands out an external one. */
export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<KafkaBroker> {
  const external = options.externalBrokers === undefined ? process.env.KAFKA_BROKERS : options.externalBrokers;
  if (external) {
    const refuse = async (): Promise<void> => {
      throw new Error(`The broker at ${external} is not the harness's own: it cannot be killed or restarted`);
    };
    return {
      brokers: external.split(',').map((broker) => broker.trim()),
      stop: async () => undefined,
      kill: refuse,
      restart: refuse,
    };
  }
  const java = requireJava();
  const jarsDir = options.jarsDir ?? defaultJarsDir();
  await ensureKafkaJars(jarsDir);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchBroker(java, jarsDir, options);
    } catch (error) {
      const retry = error instanceof BrokerStartError && error.isPortTaken && options.clientPort === undefined;
      if (!retry || attempt >= bindAttempts) throw error;
    }
  }
}

async function launchBroker(java: string, jarsDir: string, options: KafkaBrokerOptions): Promise<KafkaBroker> {
  const ports = await pickPorts(options.clientPort);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'subledger-kafka-'));
  const removeWorkDir = (): void => rmSync(workDir, { recursive: true, force: true });
  const propertiesFile = path.join(workDir, 'server.properties');
  const log4jFile = path.join(workDir, 'log4j.properties');
  let tlsFiles: BrokerTlsFiles | undefined;
  if (options.tls) {
    tlsFiles = {
      keyStoreFile: path.join(workDir, 'broker-keystore.pem'),
      trustStoreFile: path.join(workDir, 'ca.pem'),
      requireClientCertificate: options.tls.clientCertificate !== undefined,
    };
    writeFileSync(tlsFiles.keyStoreFile, options.tls.brokerKeyAndCertificate);
    writeFileSync(tlsFiles.trustStoreFile, options.tls.ca);
  }
  writeFileSync(propertiesFile, serverProperties(ports, path.join(workDir, 'data'), options.sasl, tlsFiles));
  writeFileSync(log4jFile, log4jProperties);
  const common = [`-Dlog4j.configuration=file:${log4jFile}`, '-cp', path.join(jarsDir, '*')];
  const jvmOptions = options.jvmOptions ?? defaultJvmOptions;
  // The shell watching the first broker deletes the work folder once the broker has exited, unless it
  // is killed with it (kill() below), which keeps the data for restart(). A restarted broker's shell
  // deletes nothing, lest a start that fails take the data with it: stop() and the exit hook do.
  const launch = (removeDir?: string): WatchedProcess =>
    new WatchedProcess(java, [...jvmOptions, ...common, 'kafka.Kafka', propertiesFile], removeDir);

  let broker: WatchedProcess | undefined;
  // Exit hooks run in registration order: kill the broker before deleting what it writes to.
  const onExit = (): void => {
    broker?.killNow();
    removeWorkDir();
  };
  process.on('exit', onExit);
  try {
    const format = [
      ...common,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      randomClusterId(),
      '-c',
      propertiesFile,
      ...scramFormatArguments(options.sasl),
    ];
    await runCommand(java, format, 'Formatting the Kafka storage failed');
    broker = launch(workDir);
    await waitUntilReady(broker, ports.client, options.startTimeoutMs ?? 90_000, options);
  } catch (error) {
    broker?.killNow();
    await broker?.stop(5_000);
    removeWorkDir();
    process.off('exit', onExit);
    throw error;
  }

  return {
    brokers: [`127.0.0.1:${ports.client}`],
    stop: async () => {
      await broker?.stop(options.stopTimeoutMs ?? 15_000);
      removeWorkDir();
      process.off('exit', onExit);
    },
    kill: async () => {
      await broker?.kill();
    },
    restart: async () => {
      if (broker !== undefined && !broker.hasExited())
        throw new Error('The Kafka broker is still running: kill() it first');
      broker = await relaunch(launch, ports.client, options);
    },
  };
}

/** Starts the broker again on its data; the ports of the killed one may take a moment to be free. */
async function relaunch(
  launch: () => WatchedProcess,
  clientPort: number,
  options: KafkaBrokerOptions,
): Promise<WatchedProcess> {
  for (let attempt = 1; ; attempt++) {
    const broker = launch();
    try {
      await waitUntilReady(broker, clientPort, options.startTimeoutMs ?? 90_000, options);
      return broker;
    } catch (error) {
      await broker.kill();
      if (!(error instanceof BrokerStartError && error.isPortTaken) || attempt >= bindAttempts * 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function pickPorts(clientPort?: number): Promise<BrokerPorts> {
  const client = clientPort ?? (await freePort());
  let controller = await freePort();
  while (controller === client) controller = await freePort();
  return { client, controller };
}
