// Test helpers of the ledger, imported through `@subledger/ledger-feature/testing` by specs outside the
// library (the example consumer of ledger.events) and never by production code: the JSON Schema check
// of what the relay publishes (docs/events/schemas).
export { ledgerEventMessageProblems, ledgerEventSchemas, schemaProblems } from '../outbox/testing/json-schema-check';
