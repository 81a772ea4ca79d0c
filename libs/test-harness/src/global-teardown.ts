import { harnessState } from './harness-state';

export default async function globalTeardown(): Promise<void> {
  await harnessState.broker?.stop();
  await harnessState.database?.drop();
}
