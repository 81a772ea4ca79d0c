import { describeAppendManyContract } from './append-many.contract';
import { describeAppendContract } from './append.contract';
import { type EventStoreContractFactory, openFixture } from './contract-subject';
import { describeReadContract } from './read.contract';
import { describeSqlOrderingContract } from './sql-ordering.contract';
import { describeSqlTransactionContract } from './sql-transaction.contract';

export type { ContractSubject, EventStoreContractFactory, SqlContractSubject } from './contract-subject';

/**
 * Registers the behaviour every event store adapter must show. SQL adapters also run the tests of
 * their transaction API and migration. Each test uses streams of its own, so the suite can run
 * against a shared server.
 */
export function describeEventStoreContract(name: string, factory: EventStoreContractFactory): void {
  describe(`${name} event store contract`, () => {
    switch (factory.kind) {
      case 'generic': {
        const fixture = openFixture(() => factory.open());
        describeCommonContract(fixture);
        break;
      }
      case 'sql': {
        const fixture = openFixture(() => factory.open());
        describeCommonContract(fixture);
        describeSqlTransactionContract(fixture);
        describeSqlOrderingContract(fixture);
        break;
      }
      default: {
        const unknown: never = factory;
        throw new TypeError(`Unknown contract factory ${JSON.stringify(unknown)}`);
      }
    }
  });
}

function describeCommonContract(fixture: Parameters<typeof describeAppendContract>[0]): void {
  describeAppendContract(fixture);
  describeAppendManyContract(fixture);
  describeReadContract(fixture);
}
