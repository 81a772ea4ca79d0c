import type { AccountsModuleOptions } from '../accounts-options';
import { AccountsTestKit } from './accounts-test-kit';
import type { OpenedStore } from './test-backends';

/**
 * Starts the accounts module on a store from `open` before the tests of the enclosing `describe`,
 * and closes both after them. Call it inside `describe.each(BACKENDS)`; the getter answers the kit
 * once the tests run.
 */
export function useAccountsKit(
  open: () => Promise<OpenedStore>,
  options: AccountsModuleOptions = {},
): () => AccountsTestKit {
  let opened: OpenedStore;
  let kit: AccountsTestKit;
  beforeAll(async () => {
    opened = await open();
    kit = await AccountsTestKit.start(opened, options);
  });
  afterAll(async () => {
    await kit.close();
    await opened.dispose();
  });
  return () => kit;
}
