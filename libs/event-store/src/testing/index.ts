// Test helpers of the event store, imported through `@subledger/event-store/testing` by specs and test
// kits, never by production code: a fresh PGlite data directory without initdb's cost each time.
export { freshEmbeddedDataDir, freshPgliteDataDir } from './fresh-pglite-data-dir';
