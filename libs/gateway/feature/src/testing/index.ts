// Test helpers of the gateway, imported through `@subledger/gateway-feature/testing` by the system tests
// (libs/system-test) and never by production code: the gateway's settings and its Nest app on Fastify as
// the tests build them, and the edge test app of the gateway's own specs.
export {
  startEdgeTestApp,
  testGatewayOptions,
  TEST_ADMIN_TOKEN,
  type EdgeTestApp,
  type EdgeTestAppOptions,
  type TestDatabaseKind,
} from './edge-test-app';
export { createGatewayTestApplication, readyWithoutListening } from './gateway-test-application';
export { StandInAccounts, type IssuedKey } from './stand-in-accounts';
// Providers the system tests take from a running composition (`app.get(...)`), which the production barrel
// leaves out.
export { AccountsClient } from '../clients/accounts.client';
export { IdempotencyCleanup } from '../idempotency/idempotency-cleanup';
