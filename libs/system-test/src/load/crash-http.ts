/** An answer of the gateway, or the failure of the connection itself (refused, reset, timed out). */
export type HttpResult =
  | { readonly type: 'answer'; readonly status: number; readonly code: string | null; readonly body: unknown }
  | { readonly type: 'network_error'; readonly error: string };

/**
 * One call over real HTTP (Node's fetch) to a gateway process, as an outside client makes it. The
 * client gives up after `timeoutMs`, which the caller sets well past the gateway's own deadline, so
 * that a network error means the connection failed rather than that the gateway was slow.
 */
export async function callGateway(
  baseUrl: string,
  token: string,
  request: {
    method: 'GET' | 'POST' | 'PATCH';
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs: number;
  },
): Promise<HttpResult> {
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text();
    const body: unknown = text === '' ? null : JSON.parse(text);
    return { type: 'answer', status: response.status, code: errorCodeOf(body), body };
  } catch (error) {
    return { type: 'network_error', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The body of an answer the caller expects to be `status`, or an error that shows what came instead. */
export function expectAnswer<T>(result: HttpResult, status: number, what: string): T {
  if (result.type === 'answer' && result.status === status) return result.body as T;
  throw new Error(`${what}: expected HTTP ${status}, got ${JSON.stringify(result)}`);
}

function errorCodeOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('code' in body)) return null;
  return typeof body.code === 'string' ? body.code : null;
}
