/** Epoch milliseconds as the ISO 8601 text the Zavu objects use for `createdAt`. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
