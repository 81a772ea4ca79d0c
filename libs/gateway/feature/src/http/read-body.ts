import type { IncomingMessage } from 'node:http';

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
 * Reads a request body of at most `limitBytes`. A larger declared Content-Length is refused before
 * a byte is read; a chunked body is refused as soon as it passes the limit. Either way, the rest is
 * then discarded as it arrives (never buffered), so the connection can still carry the answer.
 */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > limitBytes) {
    request.resume();
    return Promise.reject(new BodyTooLargeError(limitBytes));
  }
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
      request.resume();
      reject(new BodyTooLargeError(limitBytes));
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
