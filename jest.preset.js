// Shared Jest settings: TypeScript through SWC with the build's own settings (.swcrc: legacy
// decorators with their metadata, as Nest needs; transpile only, `npm run typecheck` checks types)
// and the workspace path aliases of tsconfig.base.json.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

// The aliases are Jest's to resolve (moduleNameMapper), so SWC leaves the imports as written.
const { $schema, ...swcrc } = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
const { baseUrl, paths, ...jsc } = swcrc.jsc;

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, jsc, swcrc: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      `<rootDir>/${target}`,
    ]),
  ),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
