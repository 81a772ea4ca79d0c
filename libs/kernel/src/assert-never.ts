/**
 * Closes an exhaustive switch: the compiler proves the call unreachable, and the throw guards a
 * value that a cast or bad input smuggled past the types. `what` names what was switched on.
 */
export function assertNever(value: never, what = 'variant'): never {
  throw new Error(`Unexpected ${what}: ${describe(value)}`);
}

/** The `type` of a tagged union's member, else the value itself (never JSON: it may hold bigints). */
function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'type' in value) return String((value as { type: unknown }).type);
  return String(value);
}
