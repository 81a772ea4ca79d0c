/** Closes an exhaustive switch: the compiler proves it unreachable, the throw guards bad casts. */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
