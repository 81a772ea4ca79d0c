// `@subledger/gateway-feature/operations`: what the operator CLI (apps/cli) needs of the gateway
// without starting it: the migrations of its tables. Nothing here loads Nest.
export { gatewayMigrations } from '../idempotency/gateway-migrations';
