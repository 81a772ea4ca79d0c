/** The bus closed while a request still waited: its reply can no longer be received. */
export class MessageBusClosedError extends Error {
  constructor() {
    super('The message bus closed before the reply arrived');
    this.name = 'MessageBusClosedError';
  }
}
