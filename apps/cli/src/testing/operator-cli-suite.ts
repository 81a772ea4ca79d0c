// Only the CLI's integration specs import this file, and specs may reach into other libraries' test kits.
/* eslint-disable @nx/enforce-module-boundaries */
import { claimDataDir } from '@subledger/platform';
import { startServiceProcess } from '@subledger/test-harness';
import { AccountsTestKit } from '../../../../libs/accounts/feature/src/testing/accounts-test-kit';
import { createSubAccount, createTeam } from '../../../../libs/accounts/feature/src/testing/accounts-fixtures';
import {
  AT,
  charge,
  openTeam,
  setPolicy,
  topUp,
} from '../../../../libs/ledger/feature/src/testing/ledger-commands.fixtures';
import { batchOf, startLedger } from '../../../../libs/ledger/feature/src/testing/ledger-test-app';
import type { OperatorSite } from './operator-site';
import { runCli, startCli } from './run-cli';

const CHARGES = 4_000;

/**
 * The operator CLI's integration tests, compiled CLI against stores the services' own modules wrote,
 * on one kind of site. One spec file per site, so that the two run side by side.
 */
export function describeOperatorCli(name: 'PGlite' | 'PostgreSQL', openSite: () => Promise<OperatorSite>): void {
  describe(`the operator CLI on ${name}`, () => {
    let site: OperatorSite;
    let teamId: string;
    const balances = () =>
      site.query<{ team_id: string; balance: string }>(
        `SELECT team_id, balance::text FROM "${site.ledgerSchema}".ledger_team_balances ORDER BY 1`,
      );

    beforeAll(async () => {
      site = await openSite();
      const stores = await site.open();
      const accounts = await AccountsTestKit.start({ store: stores.accounts });
      const team = createTeam(AT, { name: 'Acme, "Messaging"' });
      teamId = team.teamId;
      await accounts.ok(team);
      await accounts.ok(createSubAccount(teamId, AT + 1));
      await accounts.close();
      const ledger = await startLedger(stores.ledger);
      await ledger.send(openTeam(teamId));
      await ledger.send(topUp(teamId, 'funds', 10_000_000_000n));
      await ledger.send(setPolicy(teamId, 'capped', 1_000_000n));
      const charges = Array.from({ length: CHARGES }, (_, i) => ({
        ...charge(teamId, i % 2 === 0 ? 'main' : 'capped', `c${i}`, 1_000n),
        at: AT + 1_000 * i,
      }));
      for (let start = 0; start < CHARGES; start += 500)
        await ledger.commands.handle(batchOf(charges.slice(start, start + 500), start));
      await ledger.close();
      await stores.close();
    }, 120_000);

    afterAll(() => site.dispose());

    it('lists the teams with balance, sub-accounts and creation time', async () => {
      const table = await runCli(['teams', 'list'], site.env);
      expect(table.code).toBe(0);
      // 4,000 charges of 0.001 USD, the capped account refused past 1 USD: 2,000 + 1,000 of them.
      expect(table.stdout.split('\n')).toEqual([
        'ID\tNAME\tBALANCE\tSUB-ACCOUNTS\tCREATED',
        `${teamId}\tAcme, "Messaging"\t9997 USD\t1\t2026-01-01T00:00:00.000Z`,
        '',
      ]);
      const jsonl = await runCli(['teams', 'list', '--format', 'jsonl'], site.env);
      expect(JSON.parse(jsonl.stdout)).toEqual({
        id: teamId,
        name: 'Acme, "Messaging"',
        currency: 'usd',
        balanceMicros: '9997000000',
        subAccounts: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
    });

    it('exports the ledger as CSV and JSON lines, within a time range, and refuses bad input with exit code 2', async () => {
      const csv = await runCli(['export-ledger', '--team', teamId, '--format', 'csv'], site.env);
      expect(csv.code).toBe(0);
      const lines = csv.stdout.trim().split('\n');
      expect(lines.length).toBe(1 + 3 + CHARGES);
      expect(lines[lines.length - 1]).toMatch(
        new RegExp(`^${CHARGES + 2},\\d+,.*,ChargeRefused,capped,c${CHARGES - 1},0,credit_limit_exceeded,,9997000000$`),
      );
      const ranged = await runCli(
        [
          'export-ledger',
          '--team',
          teamId,
          '--format',
          'jsonl',
          '--from',
          '2026-01-01T00:00:01Z',
          '--to',
          '2026-01-01T00:00:03Z',
        ],
        site.env,
      );
      expect(
        ranged.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
      ).toMatchObject([
        { chargeId: 'c1', amount: '-1000', balanceAfter: '9999998000' },
        { chargeId: 'c2', amount: '-1000', balanceAfter: '9999997000' },
      ]);
      expect(await runCli(['export-ledger', '--team', teamId, '--format', 'xml'], site.env)).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/Allowed choices are csv, jsonl/),
      });
      expect(
        await runCli(['export-ledger', '--team', teamId, '--format', 'csv', '--from', 'yesterday'], site.env),
      ).toMatchObject({ code: 2, stderr: expect.stringMatching(/--from must be an ISO 8601/) });
      expect(await runCli(['export-ledger', '--team', 'nobody', '--format', 'csv'], site.env)).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/no team nobody/),
      });
    });

    it('verifies clean, finds a damaged balance (exit 1), and a rebuild repairs it', async () => {
      expect(await runCli(['verify'], site.env)).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/events, 1 teams replayed: clean/),
      });
      await site.query(`UPDATE "${site.ledgerSchema}".ledger_team_balances SET balance = 42`);
      const damaged = await runCli(['verify'], site.env);
      expect(damaged).toMatchObject({
        code: 1,
        stdout: expect.stringMatching(`MISMATCH team balance: team ${teamId}: projection usd 42 at version`),
      });
      const rebuild = await runCli(['rebuild-projections', '--service', 'ledger'], site.env);
      expect(rebuild.code).toBe(0);
      expect(rebuild.stdout).toContain(
        `ledger_team_balances: 1 row(s) differ (live -> rebuilt)\n  team_id=${teamId}: balance 42 -> 9997000000\n`,
      );
      expect(rebuild.stdout).toContain('ledger_account_spend: same as the live table');
      expect(rebuild.stdout).toMatch(/ledger: \d+ events folded in [\d.]+ s; the rebuilt tables are live/);
      expect(await runCli(['verify'], site.env)).toMatchObject({ code: 0 });
    });

    it('rebuilds every service by default, accounts and ops included, the indexes keeping their names', async () => {
      const indexes = () =>
        site.query<{ schemaname: string; tablename: string; indexname: string }>(
          `SELECT schemaname, tablename, indexname FROM pg_indexes WHERE schemaname IN ($1, $2) AND tablename LIKE ANY (ARRAY['ledger_%', 'accounts_teams']) ORDER BY 1, 2, 3`,
          [site.ledgerSchema, site.accountsSchema],
        );
      const before = await indexes();
      expect(before.map((index) => index.indexname)).toContain('accounts_teams_newest');
      const all = await runCli(['rebuild-projections'], site.env);
      expect(all.code).toBe(0);
      for (const table of ['ledger_team_balances', 'accounts_teams', 'ledger_usage_hourly', 'ledger_activity_minutes'])
        expect(all.stdout).toMatch(new RegExp(`${table}: (same as the live table|\\d+ row)`));
      expect(all.stdout).toContain('accounts_teams: same as the live table');
      expect(await indexes()).toEqual(before);
    });

    it('leaves the live tables untouched when killed mid-rebuild, and the rerun succeeds', async () => {
      await site.query(`UPDATE "${site.ledgerSchema}".ledger_team_balances SET balance = 7`);
      const before = await balances();
      const run = startCli(['rebuild-projections', '--service', 'ledger', '--page-size', '1'], site.env);
      await run.waitForStderr(/events\/s/);
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.stdout).not.toContain('events folded');
      const stage = await site.query<{ found: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found',
        [`${site.ledgerSchema}_rebuild`],
      );
      expect(stage[0].found).toBe(true);
      expect(await balances()).toEqual(before);
      const rerun = await runCli(['rebuild-projections', '--service', 'ledger'], site.env);
      expect(rerun).toMatchObject({ code: 0, stdout: expect.stringContaining('balance 7 -> 9997000000') });
      expect(await runCli(['verify'], site.env)).toMatchObject({ code: 0 });
    }, 60_000);

    it('stops on Ctrl-C before the swap, exit code 130, live tables untouched', async () => {
      await site.query(`UPDATE "${site.ledgerSchema}".ledger_team_balances SET balance = 8`);
      const run = startCli(['rebuild-projections', '--service', 'ledger', '--page-size', '1'], site.env);
      await run.waitForStderr(/events\/s/);
      run.child.kill('SIGINT');
      expect(await run.done).toMatchObject({
        code: 130,
        stderr: expect.stringContaining('interrupted: stopping (the live tables stay as they are)'),
      });
      expect((await balances())[0].balance).toBe('8');
      expect(await runCli(['rebuild-projections', '--service', 'ledger'], site.env)).toMatchObject({ code: 0 });
    }, 60_000);

    if (name === 'PGlite') {
      it('refuses to open the data directory while the embedded server runs on it, and the server refuses while the CLI holds it', async () => {
        const server = startServiceProcess('apps/embedded/src/main.ts', {
          DATA_DIR: site.env.DATA_DIR,
          PORT: '0',
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
        });
        try {
          await server.waitFor(/listening on http/, 60_000);
          const refused = await runCli(['verify'], site.env);
          expect(refused.code).toBe(2);
          expect(refused.stderr).toMatch(
            new RegExp(
              `error: The data directory is in use by the embedded server \\(pid ${server.child.pid} on .*\\)\\. PGlite is one process at a time: stop it first`,
            ),
          );
        } finally {
          await server.stop();
        }
        expect(await runCli(['verify'], site.env)).toMatchObject({ code: 0 });

        const lock = claimDataDir(site.env.DATA_DIR, 'the operator CLI');
        try {
          const blocked = startServiceProcess('apps/embedded/src/main.ts', {
            DATA_DIR: site.env.DATA_DIR,
            PORT: '0',
            DATABASE_URL: '',
          });
          await blocked.waitFor(
            /The data directory is in use by the operator CLI \(pid \d+ on .*\)\. PGlite is one process at a time/,
            60_000,
          );
          expect(await blocked.exited()).toBe(1);
        } finally {
          lock.release();
        }
      }, 120_000);
    }
  });
}
