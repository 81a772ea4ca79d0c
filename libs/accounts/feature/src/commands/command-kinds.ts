import type { AccountsOrderedRead, AccountsServiceRefusal } from '@subledger/contracts';
import type { AccountsCommandMessage } from '../accounts-internal-command';

/**
 * How each message type of `accounts.commands` is handled. `gathered`: the frequent writes,
 * gathered across a batch and committed together with multi-row statements. `lifecycle`: the rare
 * writes of a team's life (teams, sub-accounts, keys, deletion), one at a time with their own
 * commit. `read`: reads answered once everything before them is committed. Every type must be here.
 */
const KIND_OF = {
  RecordMessage: 'gathered',
  AdvanceMessage: 'gathered',
  AdvanceMessages: 'gathered',
  RecordKeyUsage: 'gathered',
  CreateTeam: 'lifecycle',
  CreateSubAccount: 'lifecycle',
  UpdateSubAccount: 'lifecycle',
  DeactivateSubAccount: 'lifecycle',
  ScheduleSubAccountDeletion: 'lifecycle',
  RestoreSubAccount: 'lifecycle',
  CreateApiKey: 'lifecycle',
  RevokeApiKey: 'lifecycle',
  RunDeletionSchedule: 'lifecycle',
  GetMessage: 'read',
  ListMessages: 'read',
} as const satisfies Record<
  AccountsCommandMessage['type'] | AccountsOrderedRead['type'],
  'gathered' | 'lifecycle' | 'read'
>;

type TypesOf<K> = { [T in keyof typeof KIND_OF]: (typeof KIND_OF)[T] extends K ? T : never }[keyof typeof KIND_OF];

export type GatheredCommand = Extract<AccountsCommandMessage, { type: TypesOf<'gathered'> }>;
export type LifecycleCommand = Extract<AccountsCommandMessage, { type: TypesOf<'lifecycle'> }>;

/** What a message of `accounts.commands` is, once its envelope passed the shape check. */
export type CommandKind =
  | { readonly kind: 'gathered'; readonly command: GatheredCommand }
  | { readonly kind: 'lifecycle'; readonly command: LifecycleCommand }
  | { readonly kind: 'read'; readonly read: AccountsOrderedRead }
  | { readonly kind: 'refused'; readonly refusal: AccountsServiceRefusal };

/**
 * Sorts a payload by its `type`, checked when consumed: a payload from a broken or newer producer
 * is answered with a refusal instead of failing (and being redelivered) forever. The fields of a
 * known command are checked by the domain, or by the gathered commands' own checks.
 */
export function commandKindOf(value: unknown): CommandKind {
  if (typeof value !== 'object' || value === null) return refused('', 'not_an_object');
  const { type, teamId } = value as Record<string, unknown>;
  const kind =
    typeof type === 'string' && Object.hasOwn(KIND_OF, type) ? KIND_OF[type as keyof typeof KIND_OF] : undefined;
  if (kind === undefined) return refused('type', 'not_allowed');
  if (typeof teamId !== 'string' || teamId.length === 0) return refused('teamId', 'required');
  switch (kind) {
    case 'gathered':
      return { kind, command: value as GatheredCommand };
    case 'lifecycle':
      return { kind, command: value as LifecycleCommand };
    case 'read':
      return { kind, read: value as AccountsOrderedRead };
  }
}

function refused(field: string, reason: 'not_an_object' | 'not_allowed' | 'required'): CommandKind {
  return { kind: 'refused', refusal: { type: 'invalid', violations: [{ field, reason }] } };
}
