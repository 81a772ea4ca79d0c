import type { StreamAppend, StreamVersion } from '../event-store.port';

/** The six parallel text arrays that `insertEvents` unnests: id, stream, version, type, data, metadata. */
export type InsertColumns = [string[], string[], string[], string[], string[], string[]];

export function insertColumns(
  appends: readonly StreamAppend[],
  actualVersions: ReadonlyMap<string, StreamVersion>,
  newId: () => string,
): InsertColumns {
  const columns: InsertColumns = [[], [], [], [], [], []];
  for (const { streamId, events } of appends) {
    const actual = actualVersions.get(streamId) ?? 'no_stream';
    let version = actual === 'no_stream' ? -1n : actual;
    for (const event of events) {
      version += 1n;
      columns[0].push(event.id ?? newId());
      columns[1].push(streamId);
      columns[2].push(version.toString());
      columns[3].push(event.type);
      columns[4].push(JSON.stringify(event.data));
      columns[5].push(JSON.stringify(event.metadata ?? {}));
    }
  }
  return columns;
}
