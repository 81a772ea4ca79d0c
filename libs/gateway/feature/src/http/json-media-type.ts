export type MediaTypeVerdict = 'json' | 'not_json' | 'unsupported_charset';

/**
 * Whether a Content-Type announces JSON we read: `application/json` or any `application/*+json`,
 * in UTF-8 (the only encoding JSON may use between systems, RFC 8259 §8.1).
 */
export function classifyContentType(header: string | undefined): MediaTypeVerdict {
  if (!header) return 'not_json';
  const [essence, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const json = essence === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(essence);
  if (!json) return 'not_json';
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8' ? 'json' : 'unsupported_charset';
}
