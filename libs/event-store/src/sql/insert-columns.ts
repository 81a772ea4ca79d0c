import type { StreamAppend, StreamVersion } from '../event-store.port';
import { jsonTextArrayParam, textArrayParam } from './text-array-param';

/** The six `text[]` parameters that `insertEvents` unnests: id, stream, version, type, data, metadata. */
export type InsertColumns = [TextArray, TextArray, TextArray, TextArray, TextArray, TextArray];
type TextArray = string | readonly string[];

export function insertColumns(
  appends: readonly StreamAppend[],
  actualVersions: ReadonlyMap<string, StreamVersion>,
  newId: () => string,
): InsertColumns {
  const ids: string[] = [];
  const streams: string[] = [];
  const versions: string[] = [];
  const types: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  for (const { streamId, events } of appends) {
    const actual = actualVersions.get(streamId) ?? 'no_stream';
    let version = actual === 'no_stream' ? -1n : actual;
    for (const event of events) {
      version += 1n;
      ids.push(event.id ?? newId());
      streams.push(streamId);
      versions.push(version.toString());
      types.push(event.type);
      data.push(JSON.stringify(event.data));
      metadata.push(JSON.stringify(event.metadata ?? {}));
    }
  }
  return [textArrayParam(ids), textArrayParam(streams), textArrayParam(versions), textArrayParam(types), jsonTextArrayParam(data), jsonTextArrayParam(metadata)];
}
