import {
  createTestDatabase,
  type DistributedStack,
  type KafkaBroker,
  startDistributedStack,
  startKafkaBroker,
} from '@subledger/test-harness';

/** What the faults are injected into: a stack of its own, on a broker and a database of its own. */
export interface FaultTarget {
  readonly stack: DistributedStack;
  readonly broker: KafkaBroker;
  /** The stack's database: every connection to it is a service's, but the fault tool's own. */
  readonly databaseUrl: string;
  /** Stops the services, the broker, and drops the database. */
  stop(): Promise<void>;
}

export interface FaultTargetOptions {
  /** Replicas of each service (a killed ledger or accounts replica's teams move to the others). */
  readonly replicas: number;
  /** Gateways, when not `replicas` (a killed gateway's senders turn to the others meanwhile). */
  readonly gateways?: number;
  /** Extra environment for every service. */
  readonly env?: Record<string, string>;
}

/**
 * Starts a broker and a database that no one else uses (the broker will be killed, and every
 * connection to the database terminated), then the three services on them.
 */
export async function startFaultTarget(options: FaultTargetOptions): Promise<FaultTarget> {
  const broker = await startKafkaBroker({ externalBrokers: null });
  const database = await createTestDatabase().catch(async (error: unknown) => {
    await broker.stop();
    throw error;
  });
  const undo = async () => {
    await broker.stop();
    await database.drop();
  };
  let stack: DistributedStack;
  try {
    stack = await startDistributedStack({
      gateways: options.gateways ?? options.replicas,
      ledgers: options.replicas,
      accountsReplicas: options.replicas,
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000000',
        ...options.env,
        DATABASE_URL: database.url,
        KAFKA_BROKERS: broker.brokers.join(','),
      },
    });
  } catch (error) {
    await undo();
    throw error;
  }
  return {
    stack,
    broker,
    databaseUrl: database.url,
    stop: async () => {
      await stack.stop();
      await undo();
    },
  };
}
