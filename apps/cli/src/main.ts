#!/usr/bin/env node
import { Command } from 'commander';
import { exportLedgerCommand } from './commands/export-ledger.command';
import { migrateCommand } from './commands/migrate.command';
import { rebuildProjectionsCommand } from './commands/rebuild-projections.command';
import { replayEventsCommand } from './commands/replay-events.command';
import { teamsCommand } from './commands/teams.command';
import { verifyCommand } from './commands/verify.command';
import { runCommand } from './run-command';

// The operator CLI (docs/deployment.md, "Operator CLI"): `npx subledger <command>` in a checkout,
// `node dist/apps/cli/src/main.js <command>` in the image.
const program = new Command('subledger')
  .description('Subledger operator commands. Reads DATABASE_URL (PostgreSQL), else DATA_DIR (embedded PGlite, ./data).')
  .showHelpAfterError()
  .exitOverride((error) => {
    // Wrong arguments exit with 2, like any other usage error; 1 is verify's "mismatches found".
    if (error.code !== 'commander.helpDisplayed' && error.code !== 'commander.version' && error.exitCode !== 0)
      process.exit(2);
    process.exit(error.exitCode);
  });

rebuildProjectionsCommand(program, runCommand);
verifyCommand(program, runCommand);
exportLedgerCommand(program, runCommand);
teamsCommand(program, runCommand);
replayEventsCommand(program, runCommand);
migrateCommand(program);

void program.parseAsync(process.argv);
