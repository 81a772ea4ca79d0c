/** Strings that must reach a database, a log or a page as data, never as code. */
export const SQL_FRAGMENT = "'; DROP TABLE accounts_projects; --";
export const SCRIPT_FRAGMENT = '<script>alert(document.cookie)</script>';

/** Valid JSON strings that PostgreSQL `text` and `jsonb` cannot hold. */
export const NUL_TEXT = 'a\u0000b';
export const LONE_SURROGATE = 'a\ud800b';

/** A JSON number written as is: JSON.stringify cannot write these. */
export class RawJsonNumber {
  constructor(readonly text: string) {}
}

export const TWO_TO_THE_64 = new RawJsonNumber('18446744073709551616');
export const OVERFLOWING = new RawJsonNumber('1e999');

/** The UTF-8 JSON text of a value, with every RawJsonNumber written verbatim. */
export function jsonText(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, nested: unknown) => {
    if (!(nested instanceof RawJsonNumber)) return nested;
    raw.push(nested.text);
    return `@@raw-json-${raw.length - 1}@@`;
  });
  return text.replace(/"@@raw-json-(\d+)@@"/g, (_match, index: string) => raw[Number(index)]);
}

/** A short, readable name of a value for a test title. */
export function describeValue(value: unknown): string {
  if (value instanceof RawJsonNumber) return value.text;
  const text = jsonText(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 24)}… (${text.length} chars)` : text;
}

/** An object with `count` keys, each holding a short string. */
export function objectWithKeys(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));
}
