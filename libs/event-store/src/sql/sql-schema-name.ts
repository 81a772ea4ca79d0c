const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name and returns it quoted for SQL; only plain lowercase identifiers are accepted. */
export function quoteSchemaName(schema: string): string {
  if (!IDENTIFIER.test(schema)) {
    throw new TypeError(`Schema name must match ${IDENTIFIER.source}, got "${schema}"`);
  }
  return `"${schema}"`;
}
