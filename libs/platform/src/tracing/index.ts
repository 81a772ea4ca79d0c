// The entry each app's `tracing.ts` imports before anything else: it must load nothing that
// loads kafkajs or http (so not the platform's barrel).
export { startTracing, stopTracing } from './start-tracing';
