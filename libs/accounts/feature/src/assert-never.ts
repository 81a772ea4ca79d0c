/** The compile-time end of an exhaustive switch; reaching it at run time is a bug. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${String((value as { type?: unknown } | null)?.type)}`);
}
