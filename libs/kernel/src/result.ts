/** A value that was produced. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** Why no value was produced: a failure that is expected, returned rather than thrown. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/**
 * The outcome of work that can fail for a reason the caller must handle: reading untrusted input,
 * checking a value, decoding a payload. `E` says why, as precisely as the caller needs it.
 */
export type Result<T, E> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** The next step on a value, or the error as it is: reading in stages (JSON text, then its shape). */
export function andThen<T, U, E, F>(result: Result<T, E>, next: (value: T) => Result<U, F>): Result<U, E | F> {
  return result.ok ? next(result.value) : result;
}
