// `@subledger/accounts-feature/operations`: what the operator CLI (apps/cli) runs against the
// accounts service's store without starting the service: its migrations, the rebuild of its read
// model and the list of teams. Nothing here loads Nest.
export { accountsMigrations } from '../read-model/accounts-migrations';
export { accountsRebuilds } from './accounts.rebuild';
export { listTeams } from './teams-list';
