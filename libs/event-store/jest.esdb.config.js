// The EventStoreDB contract run. No EventStoreDB server runs with the other integration tests, so
// its spec is kept out of jest.int.config.js and runs only on request (see README.md):
//   EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false npx jest -c libs/event-store/jest.esdb.config.js
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'esdb',
  testMatch: ['<rootDir>/libs/event-store/src/**/*.esdb.spec.ts'],
  testTimeout: 60000,
};
