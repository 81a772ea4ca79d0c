/**
 * Waits for every statement sent side by side on one connection, then fails with the first failure
 * in the order sent (the cause: the statements after a failed one fail only because the
 * transaction is aborted). Failing at the first rejection would let the caller roll back while
 * another one is still between two of its statements, and that one's next statement would then run
 * outside the transaction.
 */
export async function allAnswered<T extends readonly unknown[]>(sent: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
