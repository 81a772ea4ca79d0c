import type { EmbeddedTestAppOptions } from './embedded-test-app';
import { EmbeddedTestClient } from './embedded-test-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * Starts the app of the test mode (the embedded composition, or the distributed processes) before
 * the tests of the enclosing `describe` and closes it after them; the getters answer the app and a
 * client of it once the tests run.
 */
export function useTestApp(options: EmbeddedTestAppOptions = {}): { testApp: () => TestApp; client: () => EmbeddedTestClient } {
  let testApp: TestApp | undefined;
  let client: EmbeddedTestClient;
  beforeAll(async () => {
    testApp = await startTestApp(options);
    client = new EmbeddedTestClient(testApp);
  });
  afterAll(() => testApp?.close());
  return { testApp: () => testApp as TestApp, client: () => client };
}
