/** config/prices.json: an SMS to +1 costs 7,900 micros a segment (one segment up to 160 GSM-7 characters). */
export const US = '+14155550100';
export const SMS_SEGMENT_MICROS = 7_900n;

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  // Response bodies are whatever the gateway sent; each test states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/**
 * One call over real HTTP (Node's fetch, its own connection pool) to a listening gateway, as an
 * outside client makes it: nothing shared with the server's process but the socket.
 */
export async function call(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
}

export const sendSms = (baseUrl: string, key: string, text: string, headers: Record<string, string> = {}) =>
  call(baseUrl, key, 'POST', '/v1/messages', { to: US, text }, headers);
