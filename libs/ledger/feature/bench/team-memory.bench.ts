// Memory of the writer's team states: a command, not a test. Usage (from the compiled output):
//   npm run bench:ledger-memory -- [teams=100000] [chargesPerTeam=10]
// Folds each team's opening, funding, one spend policy and its charges into a state held as the
// writer's cache holds it, without a database, and prints the process's memory.
import type { LedgerCommand } from '@subledger/contracts';
import { initialState } from '@subledger/ledger-domain';
import { commandIdentityOf } from '../src/commands/command-identity';
import { decideBatch } from '../src/commands/decide-batch';
import { NO_EVENTS, type TeamLedger } from '../src/team-state/team-ledger';
import { TeamLedgerCache } from '../src/team-state/team-ledger.cache';

const teams = Number(process.argv[2] ?? 100_000);
const chargesPerTeam = Number(process.argv[3] ?? 10);
const AT = Date.UTC(2026, 0, 1);

function teamCommands(teamId: string): LedgerCommand[] {
  return [
    { type: 'OpenTeam', teamId, currency: 'usd', at: AT },
    { type: 'TopUp', teamId, topUpId: `top-up-${teamId}`, amount: 10n ** 12n, at: AT },
    { type: 'SetSpendPolicy', teamId, accountId: `sub-${teamId}`, creditLimit: 10n ** 9n, status: 'active', at: AT },
    ...Array.from({ length: chargesPerTeam }, (_, i): LedgerCommand => ({
      type: 'ChargeMessage',
      teamId,
      chargeId: `${teamId}-charge-${i}`,
      accountId: i % 2 === 0 ? `sub-${teamId}` : `main-${teamId}`,
      amount: 5_000n,
      at: AT + i,
    })),
  ];
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

const cache = new TeamLedgerCache();
for (let t = 0; t < teams; t++) {
  const team: TeamLedger = { teamId: `team-${t}`, state: initialState(), version: NO_EVENTS, refusedCommandIds: new Set() };
  const reads = teamCommands(team.teamId).map((command) => ({ ok: true as const, command }));
  decideBatch(reads, reads.map((read) => commandIdentityOf(read.command)), new Map([[team.teamId, team]]), new Map());
  cache.put(team);
}
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
process.stdout.write(`${cache.size.toLocaleString('en-US')} teams, ${chargesPerTeam} charges each: RSS ${mib(rss)}, heap used ${mib(heapUsed)}\n`);
