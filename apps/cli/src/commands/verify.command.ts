import type { Command } from 'commander';
import { verifyLedger } from '@subledger/ledger-feature/operations';
import type { CliContext } from '../cli-context';

export function verifyCommand(
  program: Command,
  run: (work: (context: CliContext) => Promise<number>) => Promise<void>,
): void {
  program
    .command('verify')
    .description(
      'Replay every team stream and check the money invariants (docs/contract.md §8.3) against the projections; exit code 0 when clean, 1 on any mismatch',
    )
    .action(() =>
      run(async (context) => {
        const pending: Promise<void>[] = [];
        const result = await verifyLedger(await context.stores.use('ledger'), (mismatch) => {
          const where =
            mismatch.accountId === undefined
              ? `team ${mismatch.teamId}`
              : `team ${mismatch.teamId} account ${mismatch.accountId}`;
          pending.push(context.out(`MISMATCH ${mismatch.check}: ${where}: ${mismatch.detail}\n`));
        });
        await Promise.all(pending);
        const verdict = result.mismatches === 0 ? 'clean' : `${result.mismatches} mismatch(es)`;
        await context.out(`verify: ${result.events} events, ${result.teams} teams replayed: ${verdict}\n`);
        return result.mismatches === 0 ? 0 : 1;
      }),
    );
}
