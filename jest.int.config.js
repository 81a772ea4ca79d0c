// Integration tests: real PostgreSQL, PGlite and a real Kafka broker started for the run.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'int',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'],
  globalSetup: '<rootDir>/libs/test-harness/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/test-harness/src/global-teardown.ts',
  // Two files at a time: most of these wait on processes, a broker or PostgreSQL rather than
  // compute, and Jest's default on two cores is one (docs/decisions.md, "Test run time").
  maxWorkers: 2,
  testTimeout: 60000,
};
