import { type Command, Option } from 'commander';
import { listTeams } from '@subledger/accounts-feature/operations';
import type { TeamListItemView } from '@subledger/contracts';
import { teamBalancesOf } from '@subledger/ledger-feature/operations';
import { microsToDecimalString } from '@subledger/money';
import type { CliContext } from '../cli-context';

type ListFormat = 'table' | 'jsonl';

export function teamsCommand(
  program: Command,
  run: (work: (context: CliContext) => Promise<number>) => Promise<void>,
): void {
  const teams = program.command('teams').description('Teams, from the accounts read model and the ledger');
  teams
    .command('list')
    .description('Every team, newest first: id, name, balance, live sub-accounts, creation time')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'jsonl']).default('table'))
    .action((options: { format: ListFormat }) =>
      run(async (context) => {
        const [accounts, ledger] = [await context.stores.use('accounts'), await context.stores.use('ledger')];
        let count = 0;
        if (options.format === 'table')
          await context.out(`${['ID', 'NAME', 'BALANCE', 'SUB-ACCOUNTS', 'CREATED'].join('\t')}\n`);
        for await (const page of listTeams(accounts)) {
          const balances = await teamBalancesOf(
            ledger,
            page.map((team) => team.id),
          );
          for (const team of page) await context.out(line(options.format, team, balances.get(team.id)));
          count += page.length;
        }
        context.err(`${count} team(s)\n`);
        return 0;
      }),
    );
}

function line(format: ListFormat, team: TeamListItemView, balance: bigint | undefined): string {
  const created = new Date(team.createdAt).toISOString();
  if (format === 'jsonl') {
    return `${JSON.stringify({ id: team.id, name: team.name, currency: team.currency, balanceMicros: balance?.toString() ?? null, subAccounts: team.subAccounts, createdAt: created })}\n`;
  }
  const shown = balance === undefined ? '-' : `${microsToDecimalString(balance)} ${team.currency.toUpperCase()}`;
  // A name is the client's text: tabs and line breaks in it would break the table's rows.
  return `${[team.id, team.name.replace(/[\t\r\n]/g, ' '), shown, team.subAccounts, created].join('\t')}\n`;
}
