/**
 * Errors kafkajs logs at error level although it retries them itself, and which a broker that is
 * starting, electing leaders or moving a group coordinator answers for a while: leadership and
 * coordinator moves are expected (debug), a broker that cannot be reached is worth a warning (the
 * start-up says so once per state, docs/deployment.md "Start-up and health").
 */
const MOVING_LEADERSHIP = [
  'This server does not host this topic-partition',
  'There is no leader for this topic-partition',
  'This server is not the leader for that topic-partition',
  "The coordinator is loading and hence can't process requests for this group",
  'The group coordinator is not available',
  'This is not the correct coordinator for this group',
  'The group is rebalancing, so a rejoin is needed',
  'Topic with this name already exists',
  // A CreateTopics answer with errors per topic: KafkaTopicAdmin's caller gets them in the error thrown.
  'Topic creation errors',
];

const UNREACHABLE = [
  'Connection error',
  'Connection timeout',
  'Failed to connect to seed broker',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
];

/** The level an error-level kafkajs entry is worth: `debug`, `warn`, or `error` when it is none of the above. */
export function levelOfKafkaError(message: string, details: Record<string, unknown>): 'debug' | 'warn' | 'error' {
  const text = `${message} ${typeof details['error'] === 'string' ? details['error'] : ''}`;
  if (MOVING_LEADERSHIP.some((known) => text.includes(known))) return 'debug';
  if (UNREACHABLE.some((known) => text.includes(known))) return 'warn';
  return 'error';
}

/** kafkajs' errors for a broker that could not be reached, or a connection to it that broke or timed out. */
const UNREACHABLE_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSBrokerNotFound',
]);

/**
 * What a broker answers a produce while it restarts, or just after: leadership not settled yet,
 * and, from a broker SIGKILLed and started again, an idempotent producer's sequence or id it does
 * not know (KafkaMessageProducer then starts a new producer).
 */
const RESTARTING_BROKER_ANSWERS = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'NOT_ENOUGH_REPLICAS',
  'REQUEST_TIMED_OUT',
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
]);

/**
 * Whether a send failed because no broker could take it for now (down, restarting, a connection
 * that broke under the request, leadership moving), as opposed to a refusal of what was sent.
 * kafkajs wraps the cause once its own retries are spent (KafkaJSNonRetriableError,
 * KafkaJSNumberOfRetriesExceeded), so the chain of causes is read.
 */
export function isTransientSendFailure(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++) {
    if (UNREACHABLE_ERRORS.has(cause.name)) return true;
    const type = (cause as { type?: unknown }).type;
    if (cause.name === 'KafkaJSProtocolError' && typeof type === 'string' && RESTARTING_BROKER_ANSWERS.has(type))
      return true;
  }
  return false;
}

/** A broker's refusal of an idempotent producer whose state it lost: its sequence, id or epoch. */
const LOST_PRODUCER_STATE = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/** Whether a send was refused because the broker no longer knows the producer's sequence (KafkaMessageProducer). */
export function isLostProducerState(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++) {
    const type = (cause as { type?: unknown }).type;
    if (cause.name === 'KafkaJSProtocolError' && typeof type === 'string' && LOST_PRODUCER_STATE.has(type)) return true;
  }
  return false;
}
