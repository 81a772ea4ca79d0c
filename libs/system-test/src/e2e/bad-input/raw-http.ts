import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RawRequest {
  readonly method: HttpMethod;
  /** Path and query exactly as they go on the wire (already percent-encoded). */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Exact bytes: clients would re-encode a string or serialise a Buffer sent as JSON. */
  readonly body?: Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
}

/** One request with nothing added but Host and, for a body, Content-Length. */
export function sendRaw(baseUrl: string, spec: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.body !== undefined) headers['Content-Length'] = String(spec.body.length);
    const request = httpRequest(`${baseUrl}${spec.path}`, { method: spec.method, headers });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: parseOrUndefined(text) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(spec.body);
  });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
