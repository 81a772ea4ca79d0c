/** The bus closed while a request or a hand-over still waited: its reply or its handling can no longer be seen. */
export class MessageBusClosedError extends Error {
  constructor() {
    super('The message bus closed before the reply or the handling arrived');
    this.name = 'MessageBusClosedError';
  }
}
