// End-to-end tests: HTTP through running services, including the official @zavudev/sdk client.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/libs/test-harness/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/test-harness/src/global-teardown.ts',
  // Two files at a time, as the integration tests (docs/decisions.md, "Test run time").
  maxWorkers: 2,
  testTimeout: 60000,
};
