/**
 * Maps a key to a partition with FNV-1a: stable across processes and restarts, so a team's messages
 * always land on the same partition and keep one order.
 */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}
