import { type FollowerStatements, followerStatements } from '../schedule/follower-statements.sql';

/** The relay's SQL, for the event store's quoted schema. */
export function relayStatements(schema: string): FollowerStatements {
  return followerStatements(schema, 'subledger.ledger-events-relay.');
}
