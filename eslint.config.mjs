import nx from '@nx/eslint-plugin';

// Infrastructure that pure libraries (domain, money, pricing, contracts) must never reach.
const infrastructure = [
  '@nestjs/*',
  'kafkajs',
  'pg',
  '@electric-sql/*',
  '@eventstore/*',
  'ioredis',
  'redis',
  'crypto',
  'node:*',
  'fs',
  'net',
  'http',
  'uuid',
];

// The clock and randomness arrive in commands; pure code never asks for them itself.
const impureSyntax = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pure code takes time from its input, not from the clock.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Pure code takes time from its input, not from the clock.',
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Pure code takes ids and randomness from its input.',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'Pure code takes time from its input, not from the clock.',
  },
  { selector: "Identifier[name='crypto']", message: 'Pure code takes ids and randomness from its input.' },
  {
    selector: "CallExpression[callee.name='setTimeout'], CallExpression[callee.name='setInterval']",
    message: 'Pure code does not schedule work.',
  },
  { selector: "MemberExpression[object.name='process']", message: 'Pure code does not read the process environment.' },
];

// Pure code does no I/O and takes time, ids and randomness from its input.
const pureImports = {
  group: ['node:*', 'crypto', 'fs', 'fs/*', 'net', 'http', 'https', 'child_process', 'os', 'timers'],
  message: 'Pure code does no I/O and takes time, ids and randomness from its input.',
};

// Test helpers (the decider spec of @subledger/kernel/testing, test kits, the harness) stay out of production code.
const testingImports = {
  group: [
    '@subledger/*/testing',
    '@subledger/*/testing/*',
    '@subledger/test-harness',
    '@subledger/system-test',
    '@nestjs/testing',
    '**/testing',
    '**/testing/*',
    '**/e2e/*',
  ],
  message:
    'Production code does not import test helpers: testing entry points and testing folders are for specs and test kits.',
};

// Where test code lives: specs, test kits, end-to-end support, benches and tools, the test harness and the system test kit.
const testCode = [
  '**/*.spec.ts',
  '**/testing/**',
  '**/e2e/**',
  '**/bench/**',
  'tools/**',
  'libs/test-harness/**',
  'libs/system-test/**',
];

// Pure libraries: domain, money, pricing, contracts.
const pureCode = [
  'libs/*/domain/src/**/*.ts',
  'libs/money/src/**/*.ts',
  'libs/pricing/src/**/*.ts',
  'libs/contracts/src/**/*.ts',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', '**/coverage', 'data/**', '.nx/**', '.cache/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: infrastructure,
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: infrastructure },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:contracts'],
              bannedExternalImports: infrastructure,
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:contracts'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:domain',
                'type:util',
                'type:contracts',
              ],
            },
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: [
                'type:test',
                'type:feature',
                'type:data-access',
                'type:domain',
                'type:util',
                'type:contracts',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:domain',
                'type:util',
                'type:contracts',
              ],
            },
            // Ownership (docs/architecture.md §1): a service's libraries import their own and the shared ones;
            // the gateway also validates with the services' pure domain rules, never their feature libraries.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:ledger', 'scope:shared'] },
            { sourceTag: 'scope:accounts', onlyDependOnLibsWithTags: ['scope:accounts', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared', 'type:domain'] },
            {
              sourceTag: 'scope:system',
              onlyDependOnLibsWithTags: [
                'scope:system',
                'scope:gateway',
                'scope:accounts',
                'scope:ledger',
                'scope:shared',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: testCode,
    rules: { 'no-restricted-imports': ['error', { patterns: [testingImports] }] },
  },
  {
    // Test kits of pure libraries are pure too.
    files: pureCode,
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...impureSyntax],
      'no-restricted-imports': ['error', { patterns: [pureImports] }],
    },
  },
  {
    // A later config object replaces a rule's options for the files it matches: pure production code
    // gets both lists of patterns here, not only the last one.
    files: pureCode,
    ignores: testCode,
    rules: { 'no-restricted-imports': ['error', { patterns: [pureImports, testingImports] }] },
  },
  {
    // The ops dashboard renders names and metadata that clients chose: as text only, never as markup.
    files: ['apps/ops-dashboard/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text with text nodes (dom.ts), never as markup.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment)$/]',
          message: 'Render text with text nodes (dom.ts), never as markup.',
        },
        {
          selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
          message: 'No code from strings: the page runs under a strict Content-Security-Policy.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
