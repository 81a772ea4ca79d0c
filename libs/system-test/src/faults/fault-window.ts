import type { CrashTeam } from '../load/crash-teams';
import { isDefinitive, type SendOutcome, type SendRecord } from '../load/send-record';

/** What the clients saw of one fault: the sends waiting at it or started until the window closed. */
export interface FaultWindow {
  readonly sent: number;
  /** Of those, answered 5xx, by code (`upstream_timeout`, or the status when the body had no code). */
  readonly fiveXx: Readonly<Record<string, number>>;
  /** Of those, whose connection failed (refused, reset, or not answered within the client's timeout). */
  readonly cut: number;
  /** Of those, answered anything else but 202 or 402 (a 409, a 401...), by status and code. */
  readonly other: Readonly<Record<string, number>>;
  /** From the fault to the first 202 or 402 of a send started after it, for the team that waited longest; Infinity if one never got one. */
  readonly servedAgainMs: number;
}

/** A send belongs to the window if it was still waiting at `from` or started before `to`. */
export function inWindow(record: SendRecord, from: number, to: number): boolean {
  return (record.endedAt ?? Infinity) >= from && record.startedAt < to;
}

export function faultWindow(
  records: readonly SendRecord[],
  teams: readonly CrashTeam[],
  from: number,
  to: number,
): FaultWindow {
  const sends = records.filter((record) => inWindow(record, from, to));
  const firstServed = new Map<string, number>();
  for (const record of sends) {
    if (record.startedAt < from || !isDefinitive(record.first) || record.endedAt === undefined) continue;
    const after = record.endedAt - from;
    if (after < (firstServed.get(record.account.teamId) ?? Infinity)) firstServed.set(record.account.teamId, after);
  }
  return {
    sent: sends.length,
    fiveXx: fiveXxOf(sends.map((record) => record.first)),
    cut: sends.filter((record) => record.first?.type === 'network_error').length,
    other: otherAnswers(sends.map((record) => record.first)),
    servedAgainMs: Math.max(...teams.map((team) => firstServed.get(team.teamId) ?? Infinity)),
  };
}

/** The 5xx among `outcomes`, by code. */
export function fiveXxOf(outcomes: readonly (SendOutcome | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const code = fiveXxCode(outcome);
    if (code !== null) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

function otherAnswers(outcomes: readonly (SendOutcome | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome?.type !== 'unexpected' || outcome.status >= 500) continue;
    const body = outcome.body as { code?: unknown } | null;
    const key = `${outcome.status} ${typeof body?.code === 'string' ? body.code : ''}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function fiveXxCode(outcome: SendOutcome | undefined): string | null {
  if (outcome?.type === 'timed_out') return 'upstream_timeout';
  if (outcome?.type !== 'unexpected' || outcome.status < 500) return null;
  const body = outcome.body as { code?: unknown } | null;
  return typeof body?.code === 'string' ? body.code : String(outcome.status);
}
