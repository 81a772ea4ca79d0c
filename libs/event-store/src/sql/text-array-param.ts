// Control characters and lone surrogates: JSON writes some of them as \n, \u0001, \ud800..., which
// an array literal would read as "n", "u0001", ...
const NOT_LITERAL_SAFE = /\p{Cc}|\p{Cs}/u;

/**
 * A `text[]` parameter as PostgreSQL's array literal, written by JSON.stringify. Within a string
 * JSON escapes exactly `"` and `\` with a backslash, as an array literal does, and nothing else
 * unless the string holds a control character or a surrogate; the native stringify is several
 * times faster than the driver escaping element by element, which dominated the cost of a large
 * append. Strings it cannot write that way go as an array, for the driver to escape.
 */
export function textArrayParam(values: readonly string[]): string | readonly string[] {
  for (const value of values) if (NOT_LITERAL_SAFE.test(value)) return values;
  return jsonTextArrayParam(values);
}

/**
 * The same for strings that are JSON texts, which never hold a control character or a lone
 * surrogate (JSON.stringify escapes both), so no check is needed.
 */
export function jsonTextArrayParam(jsonTexts: readonly string[]): string {
  return `{${JSON.stringify(jsonTexts).slice(1, -1)}}`;
}
