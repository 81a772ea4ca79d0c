/**
 * What a service answers to a request: a value, or a refusal the gateway maps to an HTTP status and
 * error code in its one error table. Exceptions never cross a service boundary.
 * This is a wire shape: the bus sends it as JSON on the reply topics, so it keeps `refusal` where the
 * in-process `Result` of @subledger/kernel has `error`; handlers map a Result to it when they answer.
 */
export type ServiceReply<T, R> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: R };

export const replyOk = <T>(value: T): ServiceReply<T, never> => ({ ok: true, value });
export const replyRefused = <R>(refusal: R): ServiceReply<never, R> => ({ ok: false, refusal });

/** One page of a list in creation order; the cursor is opaque to clients. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
