import { Admin, AssignerProtocol, GroupDescription } from 'kafkajs';

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  /** Messages of the partition the group has not consumed yet (committed) */
  lag: number;
}

/** Kafka's answer for "this group has no committed offset on this partition". */
const NO_OFFSET = -1n;

/**
 * How far a group trails one partition, from the offsets as Kafka reports them (decimal strings).
 * A partition without a committed offset counts every message still retained (high − low): our
 * consumers start from the beginning, so that is what they still have to read; messages that
 * retention deleted are not counted. A committed offset below the low-water mark (retention
 * overtook the group) likewise counts from the low-water mark. Never negative.
 * See docs/deployment.md, "Metrics".
 */
export function partitionLag(committed: string, low: string, high: string): number {
  const end = BigInt(high);
  const start = BigInt(low);
  const offset = BigInt(committed);
  const from = offset === NO_OFFSET || offset < start ? start : offset;
  return end > from ? Number(end - from) : 0;
}

/**
 * The lag of each partition of each topic the groups consume: the topics they have committed
 * offsets on, and those their live members subscribe to (a group that has not committed anything
 * yet still trails its topics by all of their messages). Groups Kafka does not know yield no rows.
 * Sorted by group, topic, partition.
 */
export async function consumerGroupLags(admin: Admin, groupIds: readonly string[]): Promise<PartitionLag[]> {
  if (groupIds.length === 0) return [];
  const { groups } = await admin.describeGroups([...groupIds]);
  const ends = new Map<string, Promise<Array<{ partition: number; high: string; low: string }>>>();
  const endsOf = (topic: string) => {
    let found = ends.get(topic);
    if (!found) ends.set(topic, (found = admin.fetchTopicOffsets(topic)));
    return found;
  };
  const rows: PartitionLag[] = [];
  for (const group of [...groupIds].sort()) {
    const committedTopics = (await admin.fetchOffsets({ groupId: group })).map((entry) => entry.topic);
    const subscribed = subscribedTopics(groups.find((described) => described.groupId === group));
    const topics = [...new Set([...committedTopics, ...subscribed])].sort();
    if (topics.length === 0) continue;
    const offsets = await admin.fetchOffsets({ groupId: group, topics });
    for (const { topic, partitions } of offsets) {
      const committed = new Map(partitions.map((entry) => [entry.partition, entry.offset]));
      for (const end of [...(await endsOf(topic))].sort((a, b) => a.partition - b.partition)) {
        const lag = partitionLag(committed.get(end.partition) ?? String(NO_OFFSET), end.low, end.high);
        rows.push({ group, topic, partition: end.partition, lag });
      }
    }
  }
  return rows;
}

/** The topics the live members of a consumer group subscribe to, as they told the coordinator. */
function subscribedTopics(group: GroupDescription | undefined): string[] {
  if (!group || group.protocolType !== 'consumer') return [];
  return group.members.flatMap((member) => {
    try {
      return AssignerProtocol.MemberMetadata.decode(member.memberMetadata)?.topics ?? [];
    } catch {
      return []; // metadata in a format other than the consumer protocol's: only committed topics count
    }
  });
}
