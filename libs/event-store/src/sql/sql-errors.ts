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
