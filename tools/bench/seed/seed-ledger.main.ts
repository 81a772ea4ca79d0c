import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type LedgerCommand, Topics } from '@subledger/contracts';
import { createPostgresEventStore } from '@subledger/event-store';
import { LedgerCommandHandler, LedgerModule } from '@subledger/ledger-feature';
import { type Envelope, InProcessBus } from '@subledger/messaging';
import { systemClock } from '@subledger/platform';
import { GivenInfrastructureModule } from '@subledger/platform/testing';

// Seeds a ledger for the operator CLI's sample run (docs/performance.md, "Operator CLI"): `teams`
// teams, each opened, funded and given a capped account, then `charges` charges each, pushed
// through the ledger's own writer (LedgerCommandHandler, batches of 500 as a partition delivers
// them, four partitions side by side) into PostgreSQL at DATABASE_URL, schema LEDGER_DATABASE_SCHEMA
// (default `ledger`).
//
//   node dist/tools/bench/seed/seed-ledger.main.js [teams=1000] [charges=1000]

const AT = Date.UTC(2026, 0, 1);
const FUNDS = 10n ** 15n;
const BATCH = 500;
const PARTITIONS = 4;
const ACCOUNTS = ['main', 'sub', 'capped'];
// The charges spread over one day of event time, so the usage projection has hours to fill.
const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const [teams, charges] = [Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 1000)];
  const url = process.env.DATABASE_URL;
  if (!url || !Number.isSafeInteger(teams) || !Number.isSafeInteger(charges))
    throw new Error('usage: DATABASE_URL=... seed-ledger [teams] [charges per team]');
  const store = createPostgresEventStore({
    pool: url,
    schema: process.env.LEDGER_DATABASE_SCHEMA ?? 'ledger',
    maxConnections: PARTITIONS + 2,
  });
  await store.migrate();
  const bus = new InProcessBus();
  @Module({ imports: [GivenInfrastructureModule.with({ store, bus, clock: systemClock }), LedgerModule.forRoot()] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const writer = app.get(LedgerCommandHandler);
  const started = Date.now();
  const total = teams * charges;
  let done = 0;
  await Promise.all(
    Array.from({ length: PARTITIONS }, async (_, partition) => {
      const own = Array.from({ length: teams }, (_, t) => t).filter((t) => t % PARTITIONS === partition);
      let offset = 0;
      const send = async (commands: LedgerCommand[]) => {
        await writer.handle(
          commands.map((value, i): Envelope<unknown> => ({
            topic: Topics.ledgerCommands,
            partition,
            offset: offset + i,
            key: value.teamId,
            value,
            headers: {},
          })),
        );
        offset += commands.length;
      };
      for (let start = 0; start < own.length; start += BATCH / 5)
        await send(own.slice(start, start + BATCH / 5).flatMap(setUp));
      let batch: LedgerCommand[] = [];
      for (let k = 0; k < charges; k++) {
        for (const t of own) {
          const sequence = k * teams + t;
          batch.push({
            type: 'ChargeMessage',
            teamId: teamId(t),
            chargeId: `charge-${sequence}`,
            accountId: ACCOUNTS[sequence % 3],
            amount: BigInt(1_000 + (sequence % 10_000)),
            at: AT + Math.floor((sequence * DAY_MS) / total),
          });
          if (batch.length === BATCH) {
            await send(batch);
            batch = [];
            done += BATCH;
            if (done % 100_000 === 0)
              process.stderr.write(`${done} charges, ${Math.round(done / ((Date.now() - started) / 1000))}/s\n`);
          }
        }
      }
      if (batch.length > 0) await send(batch);
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const { rows } = await store.sql.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM ${store.quotedSchema}.events`,
  );
  process.stdout.write(
    `${teams} teams x ${charges} charges: ${rows[0].count} events in ${store.schema} in ${seconds.toFixed(0)} s\n`,
  );
  await app.close();
  await store.close();
}

const teamId = (t: number): string => `seed-team-${t}`;

function setUp(t: number): LedgerCommand[] {
  return [
    { type: 'OpenTeam', teamId: teamId(t), currency: 'usd', at: AT },
    { type: 'TopUp', teamId: teamId(t), topUpId: 'funds', amount: FUNDS, at: AT },
    {
      type: 'SetSpendPolicy',
      teamId: teamId(t),
      accountId: 'capped',
      creditLimit: FUNDS / 2n,
      status: 'active',
      at: AT,
    },
  ];
}

main().catch((error: Error) => {
  process.stderr.write(`seed failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
