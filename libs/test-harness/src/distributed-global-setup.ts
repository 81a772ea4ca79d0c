import globalSetup from './global-setup';
import { harnessState } from './harness-state';
import { SHARED_STACKS_URL_ENV, serveSharedStacks } from './process/shared-stacks';

// The distributed run's setup: what every integration run has, and the server of the stacks its
// end-to-end suites share (see serveSharedStacks). Its URL reaches the suites through the
// environment; global-teardown.ts stops the stacks before the broker.
export default async function distributedGlobalSetup(): Promise<void> {
  await globalSetup();
  const stacks = await serveSharedStacks();
  process.env[SHARED_STACKS_URL_ENV] = stacks.url;
  harnessState.sharedStacks = stacks;
}
