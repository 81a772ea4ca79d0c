import type { ExpectedVersion } from '../event-store.port';
import { WrongExpectedVersionError } from '../wrong-expected-version.error';

const UNIQUE_VIOLATION = '23505';

interface DatabaseErrorFields {
  code?: unknown;
  constraint?: unknown;
  detail?: unknown;
}

/** Both `pg` and PGlite report server errors with the fields of the PostgreSQL wire protocol. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const fields = error as DatabaseErrorFields | undefined;
  return fields?.code === UNIQUE_VIOLATION && fields.constraint === constraint;
}

/** The key value in a unique-violation detail such as `Key (event_id)=(…) already exists.` */
export function violatedKeyValue(error: unknown): string | undefined {
  const detail = (error as DatabaseErrorFields | undefined)?.detail;
  return typeof detail === 'string' ? /\)=\((.*)\) already exists/.exec(detail)?.[1] : undefined;
}

/** Raised by the store's `wrong_expected_version` function (its migration says why). */
const WRONG_EXPECTED_VERSION = 'SLV01';

/**
 * An error raised by `wrong_expected_version` as the WrongExpectedVersionError it stands for, with
 * the version the caller expected of the stream it names (`expectedOf`); any other error as it is.
 */
export function asWrongExpectedVersion(
  error: unknown,
  expectedOf: (streamId: string) => ExpectedVersion | undefined,
): unknown {
  const fields = error as DatabaseErrorFields | undefined;
  if (fields?.code !== WRONG_EXPECTED_VERSION || typeof fields.detail !== 'string') return error;
  const { streamId, actual } = JSON.parse(fields.detail) as { streamId: string; actual: string | null };
  const expected = expectedOf(streamId);
  return expected === undefined
    ? error
    : new WrongExpectedVersionError(streamId, expected, actual === null ? 'no_stream' : BigInt(actual));
}
