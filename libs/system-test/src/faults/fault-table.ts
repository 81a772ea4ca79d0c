import type { FaultResult } from './fault-cycles';

const counts = (byCode: Readonly<Record<string, number>>) =>
  Object.entries(byCode)
    .map(([code, count]) => `${count} ${code}`)
    .join(', ') || '0';

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'never');

/** Whether every check held after the fault. */
export const checksHeld = (result: FaultResult) => result.checks.every((check) => check.violations.length === 0);

/** One row per fault, in Markdown, then the violations of any check that failed. */
export function faultTable(results: readonly FaultResult[]): string {
  const rows = results.map((r) => {
    const failed = r.checks.filter((check) => check.violations.length > 0);
    const checks =
      failed.length === 0
        ? `${r.checks.length} of ${r.checks.length} held`
        : `FAILED: ${failed.map((check) => check.name).join('; ')}`;
    const other = Object.keys(r.other).length === 0 ? '' : ` (and ${counts(r.other)})`;
    return `| ${r.kind} | ${r.cycle} | ${r.detail} | ${r.inFlight} | ${r.sent} | ${counts(r.fiveXx)}${other} | ${r.cut} | ${seconds(r.servedAgainMs)} | ${seconds(r.restartedAfterMs)} | ${r.resent} | ${checks} |`;
  });
  const violations = results.flatMap((r) =>
    r.checks.flatMap((check) =>
      check.violations.slice(0, 10).map((violation) => `- ${r.kind} #${r.cycle}, ${check.name}: ${violation}`),
    ),
  );
  return [
    '| fault | cycle | what it ended | sends in flight | sends in window | 5xx | cut | served again after | restarted after | resent | checks |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    ...(violations.length === 0 ? [] : ['', ...violations]),
  ].join('\n');
}

/** Per kind: faults injected, sends in flight, the longest wait to be served again, and the checks. */
export function faultSummary(results: readonly FaultResult[]): string {
  const kinds = [...new Set(results.map((r) => r.kind))];
  const rows = kinds.map((kind) => {
    const of = results.filter((r) => r.kind === kind);
    const inFlight = of.map((r) => r.inFlight);
    const served = of.map((r) => r.servedAgainMs);
    const fiveXx = of.reduce((sum, r) => sum + Object.values(r.fiveXx).reduce((a, b) => a + b, 0), 0);
    return `| ${kind} | ${of.length} | ${Math.min(...inFlight)} to ${Math.max(...inFlight)} | ${fiveXx} | ${of.reduce((sum, r) => sum + r.cut, 0)} | ${seconds(Math.min(...served))} to ${seconds(Math.max(...served))} | ${of.filter(checksHeld).length} of ${of.length} audits held |`;
  });
  return [
    '| fault | injected | sends in flight | 5xx | cut | served again after | checks (6 after each) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
