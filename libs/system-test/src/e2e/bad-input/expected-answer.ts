import type { RawResponse } from './raw-http';

/** What a request of the corpus must get: a refusal in the docs/contract.md §3 shape, an empty page, or usage of nothing. */
export type Expected =
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly field?: string }
  | { readonly kind: 'empty-page' }
  | { readonly kind: 'no-usage' };

export const refused = (status: number, code: string, field?: string): Expected => ({
  kind: 'refused',
  status,
  code,
  ...(field === undefined ? {} : { field }),
});
export const invalid = (field?: string): Expected => refused(400, 'invalid_request', field);
export const emptyPage: Expected = { kind: 'empty-page' };
export const noUsage: Expected = { kind: 'no-usage' };

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  details?: { errors?: unknown };
}

/**
 * Asserts the answer: never a 5xx; a refusal with its status and code, as a JSON object of exactly
 * `{ code, message, details }`, whose 400s list `{ path, message }` errors naming the bad field; or
 * the empty page of a filter that matches nothing.
 */
export function expectAnswer(response: RawResponse, expected: Expected): void {
  expect(response.status).toBeLessThan(500);
  if (expected.kind === 'empty-page') {
    expect({ status: response.status, body: response.json }).toEqual({
      status: 200,
      body: { items: [], nextCursor: null },
    });
    return;
  }
  if (expected.kind === 'no-usage') {
    const buckets = (
      response.json as { buckets?: { charges: number; refunds: number; refusals: number }[] } | undefined
    )?.buckets;
    expect({ status: response.status, buckets: Array.isArray(buckets) }).toEqual({ status: 200, buckets: true });
    expect((buckets ?? []).filter((bucket) => bucket.charges + bucket.refunds + bucket.refusals > 0)).toEqual([]);
    return;
  }
  const body = (response.json ?? {}) as ErrorBody;
  expect({ status: response.status, code: body.code, text: response.text.slice(0, 500) }).toMatchObject({
    status: expected.status,
    code: expected.code,
  });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message']);
  expect(typeof body.message).toBe('string');
  expect(body.details).toEqual(expect.any(Object));
  if (expected.status === 400 && expected.code === 'invalid_request')
    expectFieldErrors(body.details?.errors, expected.field);
}

function expectFieldErrors(errors: unknown, field: string | undefined): void {
  expect(errors).toEqual(expect.any(Array));
  for (const error of errors as unknown[])
    expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  if (field === undefined) return;
  const paths = (errors as { path: string }[]).map((error) => error.path);
  expect(paths).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRegExp(field)}($|[.[])`)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
