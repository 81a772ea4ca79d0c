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

/** The stream and its actual version of an error raised by `wrong_expected_version`; undefined for any other error. */
export function wrongVersionRaised(error: unknown): { streamId: string; actual: bigint | 'no_stream' } | undefined {
  const fields = error as DatabaseErrorFields | undefined;
  if (fields?.code !== WRONG_EXPECTED_VERSION || typeof fields.detail !== 'string') return undefined;
  const { streamId, actual } = JSON.parse(fields.detail) as { streamId: string; actual: string | null };
  return { streamId, actual: actual === null ? 'no_stream' : BigInt(actual) };
}
