/**
 * The operator CLI against the embedded store (PGlite); cli.postgres.int.spec.ts runs the same on PostgreSQL.
 *
 * @long-running a CLI process per command
 */
import { describeOperatorCli } from './testing/operator-cli-suite';
import { pgliteSite } from './testing/operator-site';

describeOperatorCli('PGlite', pgliteSite);
