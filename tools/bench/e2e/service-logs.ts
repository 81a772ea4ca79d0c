/**
 * The lines of a service's output worth a reader's eye after a run: pino lines at warn (40) or
 * above, and whatever is not a JSON log line (stack traces, a crash). Request logs at info are not.
 */
export function unusualLines(output: string): string[] {
  return output.split('\n').filter((line) => {
    if (line.trim() === '') return false;
    if (!line.startsWith('{')) return true;
    try {
      const level = (JSON.parse(line) as { level?: unknown }).level;
      return typeof level !== 'number' || level >= 40;
    } catch {
      return true;
    }
  });
}
