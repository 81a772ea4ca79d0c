/** One reason a price list was refused, at a JSONPath-like location such as `$.channels.sms.default`. */
export interface PriceListIssue {
  readonly path: string;
  readonly message: string;
}

export class PriceListError extends Error {
  constructor(readonly issues: readonly PriceListIssue[]) {
    super(`Invalid price list: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
    this.name = 'PriceListError';
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function childPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports every field of `value` that the format does not define, so a typo never passes silently. */
export function reportUnknownFields(
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  issues: PriceListIssue[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      issues.push({ path: childPath(path, key), message: `is not a known field (expected ${known.join(', ')})` });
    }
  }
}
