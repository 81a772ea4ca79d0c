// `@subledger/platform/standalone`: the parts of the platform that need no Nest application, for a
// program that starts none (the operator CLI, apps/cli). Loading them loads neither Nest nor
// kafkajs, which the main entry does: a CLI command starts in a fraction of the time.
export * from '../config/validate-environment';
export * from '../config/infrastructure-config.schema';
export * from '../config/kafka-config.schema';
export * from '../config/kafka-security-config';
export * from '../data-dir/data-dir-lock';
export * from '../projections/rebuildable-projection';
export * from '../projections/rebuild-projections';
export * from '../projections/projection-diff';
export * from '../projections/event-pages';
