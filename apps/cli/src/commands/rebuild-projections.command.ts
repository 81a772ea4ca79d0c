import { type Command, InvalidArgumentError, Option } from 'commander';
import { accountsRebuilds } from '@subledger/accounts-feature/operations';
import type { SqlEventStore } from '@subledger/event-store';
import { ledgerRebuilds, opsRebuilds } from '@subledger/ledger-feature/operations';
import { type RebuildableProjection, rebuildProjections, type TableDifferences } from '@subledger/platform/standalone';
import { FoldProgressBar } from '../progress-bar';
import type { CliContext } from '../cli-context';

const SERVICES = ['ledger', 'accounts', 'ops'] as const;
type Service = (typeof SERVICES)[number];

/** Each service's projections and the store they live in: adding a projection is one entry of its list. */
async function rebuildsOf(
  service: Service,
  context: CliContext,
): Promise<{ store: SqlEventStore; projections: readonly RebuildableProjection[] }> {
  switch (service) {
    case 'ledger':
      return { store: await context.stores.use('ledger'), projections: ledgerRebuilds };
    case 'ops':
      return { store: await context.stores.use('ledger'), projections: opsRebuilds };
    case 'accounts':
      return { store: await context.stores.use('accounts'), projections: accountsRebuilds };
  }
}

export function rebuildProjectionsCommand(
  program: Command,
  run: (work: (context: CliContext) => Promise<number>) => Promise<void>,
): void {
  program
    .command('rebuild-projections')
    .description(
      'Fold the projections again from the event store into fresh tables, print how they differ from the live ones, and swap them in (one transaction; Ctrl-C before the swap leaves the live tables untouched)',
    )
    .addOption(new Option('--service <service>', "only this service's projections (default: all)").choices(SERVICES))
    .option('--dry-run', 'compare only: keep the live tables', false)
    .option('--page-size <events>', 'events read per page', (value) => positiveInteger(value, '--page-size'), 5000)
    .action((options: { service?: Service; dryRun: boolean; pageSize: number }) =>
      run(async (context) => {
        for (const service of options.service === undefined ? SERVICES : [options.service]) {
          const { store, projections } = await rebuildsOf(service, context);
          context.err(`${service}: ${projections.map((projection) => projection.name).join(', ')} (${store.schema})\n`);
          const bar = new FoldProgressBar();
          const started = Date.now();
          try {
            const result = await rebuildProjections(store, projections, {
              pageSize: options.pageSize,
              signal: context.signal,
              swap: !options.dryRun,
              onProgress: (progress) => bar.update(progress),
            });
            bar.stop();
            for (const table of result.differences) context.out(differencesReport(table));
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            context.out(
              `${service}: ${result.events} events folded in ${seconds} s; ${result.swapped ? 'the rebuilt tables are live' : 'live tables kept (dry run)'}\n`,
            );
          } finally {
            bar.stop();
          }
        }
        return 0;
      }),
    );
}

function differencesReport({ table, count, rows }: TableDifferences): string {
  if (count === 0) return `${table}: same as the live table\n`;
  const lines = rows.map(({ key, live, rebuilt }) => {
    const id = Object.entries(key)
      .map(([column, value]) => `${column}=${value}`)
      .join(' ');
    if (live === null) return `  ${id}: only in the rebuild ${JSON.stringify(rebuilt)}`;
    if (rebuilt === null) return `  ${id}: only in the live table ${JSON.stringify(live)}`;
    const changed = Object.keys(live).filter((column) => live[column] !== rebuilt[column]);
    return `  ${id}: ${changed.map((column) => `${column} ${live[column]} -> ${rebuilt[column]}`).join(', ')}`;
  });
  const more = count > rows.length ? [`  ... and ${count - rows.length} more`] : [];
  return `${table}: ${count} row(s) differ (live -> rebuilt)\n${[...lines, ...more].join('\n')}\n`;
}

export function positiveInteger(value: string, name: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value))
    throw new InvalidArgumentError(`${name} must be a whole number from 1 to 999999999, got "${value}"`);
  return Number(value);
}
