import { type EmbeddedTestApp, type EmbeddedTestAppOptions, startEmbeddedTestApp } from './embedded-test-app';
import { EmbeddedTestClient } from './embedded-test-client';

/**
 * Starts the embedded app before the tests of the enclosing `describe` and closes it after them;
 * the getters answer the app and a client of it once the tests run.
 */
export function useEmbeddedApp(options: EmbeddedTestAppOptions = {}): { testApp: () => EmbeddedTestApp; client: () => EmbeddedTestClient } {
  let testApp: EmbeddedTestApp;
  let client: EmbeddedTestClient;
  beforeAll(async () => {
    testApp = await startEmbeddedTestApp(options);
    client = new EmbeddedTestClient(testApp);
  });
  afterAll(() => testApp.close());
  return { testApp: () => testApp, client: () => client };
}
