import { usageBucketMs } from '@subledger/contracts';

/** An hour in ms: the usage projection's rows are hours; days are summed from them. */
export const HOUR_MS = usageBucketMs('hour');
