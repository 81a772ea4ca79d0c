/** What a schema's recorded history holds beyond the code's migrations, and what it still lacks. */
export interface HistoryCheck {
  /** Recorded, but unknown to this code: the schema was migrated by a newer version. */
  readonly unknown: readonly string[];
  /** Known to this code, not yet recorded. */
  readonly pending: readonly string[];
}

export function checkHistory(recorded: readonly string[], known: readonly string[]): HistoryCheck {
  const knownNames = new Set(known);
  const recordedNames = new Set(recorded);
  return {
    unknown: recorded.filter((name) => !knownNames.has(name)),
    pending: known.filter((name) => !recordedNames.has(name)),
  };
}

/** The schema holds a migration this code does not know: running on it could misread newer tables. */
export class SchemaNewerThanCodeError extends Error {
  constructor(
    readonly schema: string,
    readonly history: string,
    readonly unknown: readonly string[],
  ) {
    super(
      `schema "${schema}" has ${history} migration ${unknown.join(', ')}, which this version does not know: ` +
        'the schema was migrated by a newer version; run that version (or a newer one), or restore the database from before that migration',
    );
    this.name = 'SchemaNewerThanCodeError';
  }
}

/** MIGRATIONS=verify and the schema lacks migrations: someone has to run `subledger migrate` first. */
export class PendingMigrationsError extends Error {
  constructor(
    readonly schema: string,
    readonly history: string,
    readonly pending: readonly string[],
  ) {
    super(
      `schema "${schema}" lacks ${history} migration ${pending.join(', ')} and MIGRATIONS=verify: ` +
        'run `subledger migrate` (the migrate Job or Compose service) first, or start with MIGRATIONS=apply',
    );
    this.name = 'PendingMigrationsError';
  }
}
