/**
 * Matches a time the app stamped while a test waited on it: epoch milliseconds, or their ISO
 * string, from `from` to `to` (both read with `testApp.now()` around the call). The embedded
 * ManualClock stands still, so there `from` equals `to` and the match is exact; the distributed
 * processes stamp the wall clock, somewhere in between.
 */
export function instantBetween(from: number, to: number) {
  const describe = () =>
    from === to
      ? new Date(from).toISOString()
      : `an instant from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}`;
  return {
    asymmetricMatch: (actual: unknown): boolean => {
      const ms = typeof actual === 'string' ? Date.parse(actual) : actual;
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < from || ms > to) return false;
      return typeof actual !== 'string' || new Date(ms).toISOString() === actual;
    },
    toString: describe,
    toAsymmetricMatcher: describe,
  };
}
