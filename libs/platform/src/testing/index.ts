// Test helpers: imported by specs, test kits and benches through `@subledger/platform/testing`, never by production code.
export * from './given-infrastructure.module';
