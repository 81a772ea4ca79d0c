import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys sorted, so two bodies that differ only in key order are the same
 * request. Depth is bounded by the body parser (32 levels) before any value gets here.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, nested: unknown) => {
    if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) return nested;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(nested).sort()) {
      // defineProperty, not assignment: a `__proto__` key stays data instead of becoming a prototype.
      Object.defineProperty(sorted, key, {
        value: (nested as Record<string, unknown>)[key],
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return sorted;
  });
}

/** What makes two POSTs under one idempotency key "the same request": method, path and query, body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${url}\n${canonicalJson(body)}`, 'utf8')
    .digest('hex');
}
