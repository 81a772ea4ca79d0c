/** Why one field of a command was refused; the HTTP edge lists every one of them. */
export type ViolationReason =
  | 'required'
  | 'not_a_string'
  | 'empty'
  | 'blank'
  | 'too_long'
  | 'wrong_length'
  | 'not_an_object'
  | 'too_many_keys'
  | 'too_large'
  | 'not_a_number'
  | 'not_an_integer'
  | 'negative'
  | 'not_positive'
  | 'not_whole_cents'
  | 'not_an_array'
  | 'too_many_items'
  | 'duplicate'
  | 'not_allowed';

/** One invalid field, named by its path (`name`, `metadata.plan`, `permissions.2`). */
export interface FieldViolation {
  readonly field: string;
  readonly reason: ViolationReason;
}

/**
 * Every way the accounts domain refuses a command. Refusals are values that the edge maps to HTTP
 * statuses in one table; none of them appends an event.
 */
export type AccountsRefusal =
  | { readonly type: 'invalid'; readonly violations: readonly FieldViolation[] }
  | { readonly type: 'team_not_found' }
  | { readonly type: 'team_already_exists' }
  | { readonly type: 'account_not_found' }
  | { readonly type: 'account_id_taken' }
  | { readonly type: 'account_purged' }
  | { readonly type: 'account_pending_deletion' }
  | { readonly type: 'not_pending_deletion' }
  | { readonly type: 'deletion_window_closed'; readonly deleteAt: number }
  | { readonly type: 'purge_not_due'; readonly deleteAt: number }
  | { readonly type: 'reminder_not_scheduled'; readonly day: number }
  | { readonly type: 'reminder_not_due'; readonly day: number; readonly dueAt: number }
  | { readonly type: 'external_id_taken' }
  | { readonly type: 'last_active_project' }
  | { readonly type: 'key_not_found' }
  | { readonly type: 'key_id_taken' };

export type AccountsRefusalType = AccountsRefusal['type'];

/**
 * A command that asked for what is already true: no event is appended and the caller answers as if
 * it had just happened (revoking a revoked key, suspending a suspended account, ...).
 */
export type UnchangedReason =
  | 'no_changes'
  | 'already_active'
  | 'already_inactive'
  | 'already_deactivated'
  | 'already_pending_deletion'
  | 'already_purged'
  | 'reminder_already_recorded'
  | 'key_already_revoked';
