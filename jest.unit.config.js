// Unit tests: pure code, no I/O. Fast and parallel.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.unit.spec.ts'],
};
