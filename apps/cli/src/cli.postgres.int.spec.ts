/**
 * The operator CLI against PostgreSQL; cli.pglite.int.spec.ts runs the same on the embedded store.
 *
 * @long-running a CLI process per command
 */
import { describeOperatorCli } from './testing/operator-cli-suite';
import { postgresSite } from './testing/operator-site';

describeOperatorCli('PostgreSQL', postgresSite);
