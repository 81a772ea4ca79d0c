/** A consumed value is not what its topic carries: it can never be handled, so it is dead-lettered. */
export class MessageDecodeError extends Error {
  constructor(
    /** What the topic's codec said, without this error's preamble. */
    readonly reason: string,
    /** The field to blame, when the topic's codec named one. */
    readonly field?: string,
  ) {
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
