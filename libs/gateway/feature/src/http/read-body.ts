import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes`);
  }
}

export class BodyUnreadableError extends Error {}

/** Whether the request says it carries a body (a positive Content-Length, or chunked transfer). */
export function announcesBody(request: IncomingMessage): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = request.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * Reads what is left of a request body and throws it away, resolving once the request has ended
 * (or failed). A refusal is answered only then: many clients read no answer before they have sent
 * the whole body, and would wait for ever on a connection the server had answered early.
 */
export async function discardBody(request: IncomingMessage): Promise<void> {
  request.resume();
  try {
    await finished(request);
  } catch {
    // A request that failed or was cut off has ended too.
  }
}

/**
 * Reads a request body of at most `limitBytes`. A larger declared Content-Length is refused before
 * a byte is kept; a chunked body is refused as soon as it passes the limit. Either way the rest is
 * discarded as it arrives (never buffered) before the refusal, so the connection can carry the answer.
 */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > limitBytes) return discardBody(request).then(() => Promise.reject(new BodyTooLargeError(limitBytes)));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onFailure).off('aborted', onFailure);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      discardBody(request).then(() => reject(new BodyTooLargeError(limitBytes)));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onFailure = () => {
      stop();
      reject(new BodyUnreadableError('The request body could not be read'));
    };
    request.on('data', onData).on('end', onEnd).on('error', onFailure).on('aborted', onFailure);
  });
}
