// Memory of the writer's team states: a command, not a test. Usage (from the compiled output):
//   npm run bench:ledger-memory -- [teams=100000] [chargesPerTeam=1000] [recentCharges=default]
// Each team's opening, funding, one spend policy and its charges go through the writer's own
// reading of commands (as JSON, the form Kafka delivers) and decision of batches (decideBatch, in
// batches of 500 as a partition delivers them), and each team is put back into the writer's cache
// after every batch, as after a commit; no database is involved. Then it prints the process's
// memory, with everything the writer holds between batches.
import { ledgerCommandCodec, Topics } from '@subledger/contracts';
import type { LedgerCommand } from '@subledger/contracts';
import { decideBatch } from '../src/commands/decide-batch';
import { readLedgerCommand } from '../src/commands/ledger-command.reader';
import { TeamLedgerCache } from '../src/team-state/team-ledger.cache';
import { DEFAULT_TEAM_MEMORY, newTeamLedger } from '../src/team-state/team-memory';

const teams = Number(process.argv[2] ?? 100_000);
const chargesPerTeam = Number(process.argv[3] ?? 1_000);
const limits = { ...DEFAULT_TEAM_MEMORY, recentCharges: Number(process.argv[4] ?? DEFAULT_TEAM_MEMORY.recentCharges) };
const BATCH = 500;
const AT = Date.UTC(2026, 0, 1);

/** Ids shaped like the gateway's: a prefix and 22 base62 characters. */
function id(prefix: string, n: number): string {
  return `${prefix}_${n.toString(36).padStart(22, '0')}`;
}

function teamCommands(t: number): LedgerCommand[] {
  const teamId = id('team', t);
  const main = id('proj', 3 * t);
  const subs = [id('proj', 3 * t + 1), id('proj', 3 * t + 2)];
  return [
    { type: 'OpenTeam', teamId, currency: 'usd', at: AT },
    { type: 'TopUp', teamId, topUpId: id('topup', t), amount: 10n ** 12n, at: AT },
    { type: 'SetSpendPolicy', teamId, accountId: subs[0], creditLimit: 10n ** 11n, status: 'active', at: AT },
    ...Array.from({ length: chargesPerTeam }, (_, i): LedgerCommand => ({
      type: 'ChargeMessage',
      teamId,
      chargeId: id('msg', t * chargesPerTeam + i),
      accountId: [main, ...subs][i % 3],
      amount: 7_900n,
      messageId: id('msg', t * chargesPerTeam + i),
      at: AT + i,
    })),
  ];
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

const cache = new TeamLedgerCache(undefined, limits);
const started = process.hrtime.bigint();
for (let t = 0; t < teams; t++) {
  const team = newTeamLedger(id('team', t), limits);
  const teamsById = new Map([[team.teamId, team]]);
  const commands = teamCommands(t);
  for (let start = 0; start < commands.length; start += BATCH) {
    const reads = commands.slice(start, start + BATCH).map((command, i) => {
      const value: unknown = JSON.parse(JSON.stringify(ledgerCommandCodec.encode(command)));
      return readLedgerCommand({
        topic: Topics.ledgerCommands,
        partition: 0,
        offset: start + i,
        key: team.teamId,
        value,
        headers: {},
      });
    });
    decideBatch(reads, teamsById);
    cache.put(team);
  }
  if (t > 0 && t % 10_000 === 0)
    process.stderr.write(`${t.toLocaleString('en-US')} teams, ${mib(process.memoryUsage().rss)} RSS\n`);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
process.stdout.write(
  `${cache.size.toLocaleString('en-US')} teams, ${chargesPerTeam.toLocaleString('en-US')} charges each, ${limits.recentCharges} recent charges kept: ` +
    `RSS ${mib(rss)}, heap used ${mib(heapUsed)} (${Math.round(heapUsed / cache.size)} bytes a team); ${seconds.toFixed(0)} s; Node ${process.version}\n`,
);
