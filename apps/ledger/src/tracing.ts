// Imported first by main.ts: OpenTelemetry must patch http and kafkajs before anything loads them.
// Off unless OTEL_TRACES_EXPORTER asks for it (docs/deployment.md, "Tracing").
import { startTracing } from '@subledger/platform/tracing';

startTracing('subledger-ledger');
