import { ServiceConsumerGroups } from '@subledger/contracts';
import { LedgerGroups } from './ledger-module.options';

describe("the ledger's consumer groups", () => {
  it('are among the service groups whose lag operators read', () => {
    expect(ServiceConsumerGroups).toEqual(expect.arrayContaining(Object.values(LedgerGroups)));
  });
});
