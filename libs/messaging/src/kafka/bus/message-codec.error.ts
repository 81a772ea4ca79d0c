/** A consumed value is not the JSON this bus writes: it can never be handled, so it is dead-lettered. */
export class MessageDecodeError extends Error {
  constructor(reason: string) {
    super(`Undecodable message: ${reason}`);
    this.name = 'MessageDecodeError';
  }
}

/** A value that JSON would silently change (a class instance, NaN, a function), refused before it leaves. */
export class MessageEncodeError extends Error {
  constructor(reason: string) {
    super(`Unencodable value: ${reason}`);
    this.name = 'MessageEncodeError';
  }
}
