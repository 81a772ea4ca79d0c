import { ServiceConsumerGroups } from '@subledger/contracts';
import { COMMANDS_GROUP, QUERIES_GROUP } from './accounts-bus.controller';

describe("the accounts service's consumer groups", () => {
  it('are among the service groups whose lag operators read', () => {
    expect(ServiceConsumerGroups).toEqual(expect.arrayContaining([COMMANDS_GROUP, QUERIES_GROUP]));
  });
});
