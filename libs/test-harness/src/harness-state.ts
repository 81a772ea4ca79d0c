import type { KafkaBroker } from './kafka/kafka-broker';
import type { TestDatabase } from './postgres/test-database';
import type { SharedStacks } from './process/shared-stacks';

// Jest runs globalSetup and globalTeardown in the same process: this module carries the handles
// from one to the other.
export const harnessState: { broker?: KafkaBroker; database?: TestDatabase; sharedStacks?: SharedStacks } = {};
