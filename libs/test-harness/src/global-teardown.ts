import { harnessState } from './harness-state';

export default async function globalTeardown(): Promise<void> {
  // The shared stacks first: their processes leave their consumer groups while the broker is up.
  await harnessState.sharedStacks?.stop();
  await harnessState.broker?.stop();
  await harnessState.database?.drop();
}
