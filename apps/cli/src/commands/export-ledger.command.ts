import { type Command, InvalidArgumentError, Option } from 'commander';
import { exportLedger, type LedgerExportFormat } from '@subledger/ledger-feature/operations';
import type { CliContext } from '../cli-context';

interface ExportOptions {
  team: string;
  from?: number;
  to?: number;
  format: LedgerExportFormat;
}

export function exportLedgerCommand(
  program: Command,
  run: (work: (context: CliContext) => Promise<number>) => Promise<void>,
): void {
  program
    .command('export-ledger')
    .description(
      "Stream a team's ledger entries, oldest first, with the running balance (amounts in integer micros) to stdout",
    )
    .requiredOption('--team <id>', 'the team id')
    .option('--from <iso>', 'entries at or after this time (ISO 8601)', (value) => isoTime(value, '--from'))
    .option('--to <iso>', 'entries before this time (ISO 8601)', (value) => isoTime(value, '--to'))
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).makeOptionMandatory())
    .action((options: ExportOptions) =>
      run(async (context) => {
        if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
          context.err('error: --from is after --to\n');
          return 2;
        }
        const written = await exportLedger(
          await context.stores.use('ledger'),
          { teamId: options.team, from: options.from, to: options.to, format: options.format },
          (text) => context.out(text),
        );
        if (written === null) {
          context.err(`error: the ledger holds no team ${options.team}\n`);
          return 2;
        }
        context.err(`${written} entries exported\n`);
        return 0;
      }),
    );
}

// A date, or a date and time with its offset: what Date.parse reads the same everywhere.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isoTime(value: string, name: string): number {
  const ms = Date.parse(value);
  if (!ISO.test(value) || Number.isNaN(ms))
    throw new InvalidArgumentError(
      `${name} must be an ISO 8601 date or time with an offset (2026-01-31 or 2026-01-31T10:00:00Z), got "${value}"`,
    );
  return ms;
}
