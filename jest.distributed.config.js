// Distributed mode: the gateway, accounts and ledger as separate processes over the real Kafka
// broker and PostgreSQL of the global setup. Runs the crash and rebalancing tests
// (*.distributed.spec.ts) and every end-to-end suite again, against processes (E2E_MODE=distributed,
// see libs/system-test/src/test-app/test-app.ts), but those named *.embedded.e2e.spec.ts: they start
// or reach into the embedded composition itself.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'distributed',
  testMatch: [
    '<rootDir>/{apps,libs,tools,examples}/**/*.distributed.spec.ts',
    '<rootDir>/{apps,libs,tools}/**/*.e2e.spec.ts',
    '!**/*.embedded.e2e.spec.ts',
  ],
  setupFiles: ['<rootDir>/libs/test-harness/src/distributed-mode.setup.ts'],
  globalSetup: '<rootDir>/libs/test-harness/src/distributed-global-setup.ts',
  globalTeardown: '<rootDir>/libs/test-harness/src/global-teardown.ts',
  testSequencer: '<rootDir>/jest.distributed.sequencer.js',
  // One file at a time: the load, crash and fault specs measure processes of their own under load,
  // and the end-to-end suites share one stack per settings (libs/test-harness/src/process/shared-stacks.ts).
  maxWorkers: 1,
  testTimeout: 120000,
};
