import type { ExpectedVersion, StreamAppend } from '../event-store.port';
import { jsonTextArrayParam, textArrayParam } from './text-array-param';

/**
 * The seven `text[]` parameters that `appendEvents` unnests: each event's id, stream, type, data and
 * metadata in the order given, then each stream with its expected version. The statement numbers
 * the events itself, from the version it finds.
 */
export type AppendColumns = [TextArray, TextArray, TextArray, TextArray, TextArray, TextArray, TextArray];
type TextArray = string | readonly string[];

export function appendColumns(appends: readonly StreamAppend[], newId: () => string): AppendColumns {
  const ids: string[] = [];
  const streams: string[] = [];
  const types: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  for (const { streamId, events } of appends) {
    for (const event of events) {
      ids.push(event.id ?? newId());
      streams.push(streamId);
      types.push(event.type);
      data.push(JSON.stringify(event.data));
      metadata.push(JSON.stringify(event.metadata ?? {}));
    }
  }
  return [
    textArrayParam(ids),
    textArrayParam(streams),
    textArrayParam(types),
    jsonTextArrayParam(data),
    jsonTextArrayParam(metadata),
    textArrayParam(appends.map((append) => append.streamId)),
    textArrayParam(appends.map((append) => expectedText(append.expectedVersion))),
  ];
}

function expectedText(expected: ExpectedVersion): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}
