import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';

// The layering of docs/architecture.md §5 is a lint error, not a review comment: these probes would be files of
// pure libraries, and each must fail `npm run lint` for the reason given.
const probes: { file: string; code: string; complaint: RegExp }[] = [
  {
    file: 'libs/ledger/domain/src/probe.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    complaint: /not allowed to import "@nestjs\/common"/,
  },
  {
    file: 'libs/accounts/domain/src/probe.ts',
    code: "import { Pool } from 'pg';\nexport const x = Pool;\n",
    complaint: /not allowed to import "pg"/,
  },
  {
    file: 'libs/ledger/domain/src/probe.ts',
    code: "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n",
    complaint: /not allowed to import "kafkajs"/,
  },
  {
    file: 'libs/money/src/probe.ts',
    code: "import { PGlite } from '@electric-sql/pglite';\nexport const x = PGlite;\n",
    complaint: /not allowed to import "@electric-sql\/pglite"/,
  },
  {
    file: 'libs/ledger/domain/src/probe.ts',
    code: "import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;\n",
    complaint: /Pure code does no I\/O/,
  },
  {
    file: 'libs/ledger/domain/src/probe.ts',
    code: 'export const now = () => Date.now();\n',
    complaint: /not from the clock/,
  },
  {
    file: 'libs/accounts/domain/src/probe.ts',
    code: 'export const at = () => new Date();\n',
    complaint: /not from the clock/,
  },
  { file: 'libs/pricing/src/probe.ts', code: 'export const id = () => Math.random();\n', complaint: /randomness/ },
  {
    file: 'libs/ledger/domain/src/probe.ts',
    code: "import { InProcessBus } from '@subledger/messaging';\nexport const x = InProcessBus;\n",
    complaint: /type:domain.*not allowed to import.*type:data-access|cannot depend on|tagged with "type:domain"/,
  },
  // Ownership (docs/architecture.md §1): a service's libraries reach another service only over the bus.
  {
    file: 'libs/ledger/feature/src/probe.ts',
    code: "import { AccountsModule } from '@subledger/accounts-feature';\nexport const x = AccountsModule;\n",
    complaint: /tagged with "scope:ledger" can only depend on/,
  },
  {
    file: 'libs/accounts/domain/src/probe.ts',
    code: "import { evolve } from '@subledger/ledger-domain';\nexport const x = evolve;\n",
    complaint: /tagged with "scope:accounts" can only depend on/,
  },
  {
    file: 'libs/gateway/feature/src/probe.ts',
    code: "import { LedgerModule } from '@subledger/ledger-feature';\nexport const x = LedgerModule;\n",
    complaint: /tagged with "scope:gateway" can only depend on/,
  },
  {
    file: 'tools/dev-kafka/probe.ts',
    code: "import { LedgerModule } from '@subledger/ledger-feature';\nexport const x = LedgerModule;\n",
    complaint: /tagged with "scope:shared" can only depend on/,
  },
  // Test helpers stay out of production code, and pure code keeps its own list of refused imports beside that one.
  {
    file: 'libs/ledger/domain/src/probe.ts',
    code: "import { deciderSpec } from '@subledger/kernel/testing';\nexport const x = deciderSpec;\n",
    complaint: /Production code does not import test helpers/,
  },
  {
    file: 'libs/accounts/domain/src/probe.ts',
    code: "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
    complaint: /Pure code does no I\/O/,
  },
  {
    file: 'libs/ledger/feature/src/commands/probe.ts',
    code: "import { ledgerRows } from '../testing/ledger-rows';\nexport const x = ledgerRows;\n",
    complaint: /Production code does not import test helpers/,
  },
  {
    file: 'libs/platform/src/probe.ts',
    code: "export * from './testing/given-infrastructure.module';\n",
    complaint: /Production code does not import test helpers/,
  },
  {
    file: 'apps/gateway/src/probe.ts',
    code: "import { Test } from '@nestjs/testing';\nexport const x = Test;\n",
    complaint: /Production code does not import test helpers/,
  },
  {
    file: 'libs/ledger/feature/src/probe.ts',
    code: "import { CrashLoad } from '@subledger/system-test';\nexport const x = CrashLoad;\n",
    complaint: /Production code does not import test helpers/,
  },
  {
    file: 'apps/gateway/src/probe.ts',
    code: "import { startEdgeTestApp } from '@subledger/gateway-feature/testing';\nexport const x = startEdgeTestApp;\n",
    complaint: /Production code does not import test helpers/,
  },
];

// Imports the rules allow, each next to a refused one above.
const allowed: { file: string; code: string }[] = [
  { file: 'libs/ledger/domain/src/probe.ts', code: 'export const add = (a: bigint, b: bigint): bigint => a + b;\n' },
  {
    file: 'libs/gateway/feature/src/probe.ts',
    code: "import { validateName } from '@subledger/accounts-domain';\nexport const x = validateName;\n",
  },
  {
    file: 'apps/embedded/src/probe.ts',
    code: "import { LedgerModule } from '@subledger/ledger-feature';\nexport const x = LedgerModule;\n",
  },
  {
    file: 'libs/system-test/src/probe.ts',
    code: "import { messageIdFor } from '@subledger/gateway-feature';\nexport const x = messageIdFor;\n",
  },
  {
    file: 'tools/bench/faults/probe.ts',
    code: "import { CrashLoad } from '@subledger/system-test';\nexport const x = CrashLoad;\n",
  },
  // The system tests' test app puts the three services together, with the gateway's test helpers.
  {
    file: 'libs/system-test/src/test-app/probe.ts',
    code: "import { AccountsModule } from '@subledger/accounts-feature';\nexport const x = AccountsModule;\n",
  },
  {
    file: 'libs/system-test/src/test-app/probe.ts',
    code: "import { testGatewayOptions } from '@subledger/gateway-feature/testing';\nexport const x = testGatewayOptions;\n",
  },
  {
    file: 'libs/ledger/domain/src/testing/probe.ts',
    code: "import { deciderSpec } from '@subledger/kernel/testing';\nexport const x = deciderSpec;\n",
  },
  {
    file: 'libs/accounts/domain/src/probe.unit.spec.ts',
    code: "import { deciderSpec } from '@subledger/kernel/testing';\nexport const x = deciderSpec;\n",
  },
];

describe('layering lint rules', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  beforeAll(async () => {
    await createProjectGraphAsync({ exitOnError: false });
  }, 60000);

  it.each(probes)('refuses $file with $complaint', async ({ file, code, complaint }) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    const messages = result.messages.map((m) => m.message).join('\n');
    expect(result.errorCount).toBeGreaterThan(0);
    expect(messages).toMatch(complaint);
  });

  it.each(allowed)('accepts $file importing what it may', async ({ file, code }) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    expect(result.messages).toEqual([]);
  });
});
