/** The consumer stopped or lost the partition mid-retry: the batch stays uncommitted for the next owner. */
export class BatchAbandonedError extends Error {
  constructor(topic: string, partition: number) {
    super(`Batch of ${topic}[${partition}] abandoned: the consumer stopped or lost the partition`);
    this.name = 'BatchAbandonedError';
  }
}
