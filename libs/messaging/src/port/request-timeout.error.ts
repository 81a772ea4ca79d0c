/** No reply arrived within the deadline (or a hand-over was not taken within its own); the request may or may not have been processed. */
export class RequestTimeoutError extends Error {
  constructor(
    readonly topic: string,
    readonly timeoutMs: number,
    message = `No reply on ${topic} within ${timeoutMs} ms`,
  ) {
    super(message);
    this.name = 'RequestTimeoutError';
  }
}
