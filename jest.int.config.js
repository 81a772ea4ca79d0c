// Integration tests: real PostgreSQL, PGlite and a real Kafka broker started for the run.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'int',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'],
  globalSetup: '<rootDir>/libs/test-harness/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/test-harness/src/global-teardown.ts',
  testTimeout: 60000,
};
