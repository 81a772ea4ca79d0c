/**
 * The page loads only its own scripts and styles, talks only to its own origin, and may not be
 * framed: names and metadata are client-chosen text, and nothing they hold can run.
 */
export const OPS_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const OPS_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': OPS_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};
