// Test helpers: imported by specs through `@subledger/kernel/testing`, never by production code.
export { deciderSpec, type DeciderSpec, type DeciderThen, type DeciderWhen } from './decider-spec';
