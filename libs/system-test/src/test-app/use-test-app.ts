import type { EmbeddedTestAppOptions } from './embedded-test-app';
import { EmbeddedTestClient } from './embedded-test-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * Starts the app of the test mode (the embedded composition, or the distributed processes) before
 * the tests of the enclosing `describe` and closes it after them; the getters answer the app and a
 * client of it once the tests run.
 */
export function useTestApp(options: EmbeddedTestAppOptions = {}): {
  testApp: () => TestApp;
  client: () => EmbeddedTestClient;
} {
  let testApp: TestApp | undefined;
  let client: EmbeddedTestClient;
  beforeAll(async () => {
    ({ testApp, client } = await startTestClient(options));
  });
  afterAll(() => testApp?.close());
  return { testApp: () => testApp as TestApp, client: () => client };
}

/** The app of the test mode with a client of it, for suites that start it in a `beforeAll` of their own. */
export async function startTestClient(
  options: EmbeddedTestAppOptions = {},
): Promise<{ testApp: TestApp; client: EmbeddedTestClient }> {
  const testApp = await startTestApp(options);
  return { testApp, client: new EmbeddedTestClient(testApp) };
}
