import { type Admin, AssignerProtocol, Kafka, logLevel, Partitioners } from 'kafkajs';

/** The partitions of the ledger's commands topic each member of its group owns, by Kafka client id. */
export type Ownership = Map<string, number[]>;

/**
 * Reads, from the broker, which ledger replica owns which partitions of `<prefix>ledger.commands`:
 * the assignment of each member of the consumer group `<prefix>ledger`, named by the client id
 * each replica runs with (`ledger-<replica>` in the distributed stack).
 */
export class LedgerGroupProbe {
  private readonly admin: Admin;
  private readonly group: string;
  private readonly topic: string;

  constructor(topicPrefix: string, brokers: string[]) {
    this.admin = new Kafka({ clientId: 'rebalance-probe', brokers, logLevel: logLevel.NOTHING }).admin();
    this.group = `${topicPrefix}ledger`;
    this.topic = `${topicPrefix}ledger.commands`;
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }

  async partitionCount(): Promise<number> {
    const { topics } = await this.admin.fetchTopicMetadata({ topics: [this.topic] });
    return topics[0].partitions.length;
  }

  /** The owners once the group is stable, or null while it rebalances. */
  async ownership(): Promise<Ownership | null> {
    const { groups } = await this.admin.describeGroups([this.group]);
    const [group] = groups;
    if (group === undefined || group.state !== 'Stable') return null;
    const owners: Ownership = new Map();
    for (const member of group.members) {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      const partitions = [...(decoded?.assignment[this.topic] ?? [])].sort((x, y) => x - y);
      owners.set(member.clientId, [...(owners.get(member.clientId) ?? []), ...partitions]);
    }
    return owners;
  }

  /** Polls until the stable group's ownership satisfies `settled`; fails naming what it saw last. */
  async waitFor(what: string, settled: (owners: Ownership) => boolean, timeoutMs = 90_000): Promise<Ownership> {
    const deadline = Date.now() + timeoutMs;
    let last: Ownership | null = null;
    for (;;) {
      last = await this.ownership();
      if (last !== null && settled(last)) return last;
      if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms; last seen ${shown(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Every partition 0..count-1 owned, each by exactly one of `clients` and by no one else, each of them owning some. */
export function ownedExactlyBy(clients: readonly string[], count: number): (owners: Ownership) => boolean {
  return (owners) => {
    if (owners.size !== clients.length || !clients.every((client) => (owners.get(client)?.length ?? 0) > 0))
      return false;
    const all = [...owners.values()].flat().sort((x, y) => x - y);
    return all.length === count && all.every((partition, i) => partition === i);
  };
}

/** The partition a team's commands go to: kafkajs' default (murmur2) partitioner, which the bus' producer uses. */
export function commandPartitionOf(teamId: string, partitions: number): number {
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
  return Partitioners.DefaultPartitioner()({
    topic: 'ledger.commands',
    partitionMetadata,
    message: { key: teamId, value: null },
  });
}

export function ownerOf(owners: Ownership, partition: number): string | undefined {
  return [...owners].find(([, partitions]) => partitions.includes(partition))?.[0];
}

function shown(owners: Ownership | null): string {
  return owners === null ? 'a group rebalancing' : JSON.stringify(Object.fromEntries(owners));
}
