import type { FieldCodec } from '../codec/field-codec';
import {
  epochMs,
  flag,
  jsonRecord,
  list,
  nonEmptyText as id,
  nullable,
  oneOf,
  optional,
  safeInteger as count,
  scalarRecord,
  text,
} from '../codec/field-codecs';
import { signedMicros as micros } from '../codec/micros-codecs';
import { object } from '../codec/object-codec';
import { taggedUnion, unionCodec } from '../codec/union-codec';
import { type WireCodec, wireCodec } from '../codec/wire-codec';
import type { AccountChanges } from '../accounts/account.commands';
import type { FieldViolation } from '../accounts/accounts-refusal';
import type {
  AccountsInternalCommand,
  AccountsInternalReplies,
  AccountsQueryRequest,
  AccountsReplies,
  AccountsReply,
  AccountsRequest,
  AccountsServiceRefusal,
  NewApiKey,
  NewMessage,
} from './accounts-requests';
import type { AccountView, ApiKeyView, KeyIdentity, MessageView, TeamListItemView, TeamView } from './accounts-views';
import { page, serviceReply } from './service-reply-codec';

// The wire forms of `accounts.commands` and `accounts.queries`. Requests are checked for shape only
// (names, limits and amounts are the accounts domain's to refuse, field by field) and fields they do
// not know are dropped; replies are read exactly.

const kind = oneOf('main', 'sub');
const accountStatus = oneOf('active', 'inactive', 'pending_deletion', 'purged');
const environment = oneOf('live', 'test');
const messageStatus = oneOf('queued', 'sent', 'delivered', 'failed');
const metadata = nullable(scalarRecord);
const at = epochMs;

/** A list the contract types as a mutable array. */
function array<T>(item: FieldCodec<T>): FieldCodec<T[]> {
  return list(item) as unknown as FieldCodec<T[]>;
}

const newApiKey = object<NewApiKey>({
  keyId: text,
  name: text,
  environment,
  permissions: list(text),
  prefix: text,
  digest: text,
});

/** The fields a message has from the start, which the gateway hands over. */
const messageFields = {
  id: text,
  accountId: text,
  channel: text,
  messageType: text,
  text: nullable(text),
  subject: nullable(text),
  htmlBody: nullable(text),
  metadata: nullable(jsonRecord),
  extra: nullable(jsonRecord),
  cost: micros,
  units: count,
  isTest: flag,
  chargeId: nullable(text),
};

const newMessage = object<NewMessage>({ ...messageFields, to: text });

const changes = object<AccountChanges>({
  name: optional(text),
  externalId: optional(nullable(text)),
  creditLimit: optional(nullable(micros)),
  metadata: optional(metadata),
  status: optional(oneOf('active', 'inactive')),
});

const team = { teamId: id };
const account = { teamId: id, accountId: text };

const commands = {
  CreateTeam: { ...team, name: text, currency: text, mainAccountId: text, mainKey: newApiKey, at },
  CreateSubAccount: {
    ...account,
    name: text,
    externalId: nullable(text),
    creditLimit: nullable(micros),
    metadata,
    key: newApiKey,
    at,
  },
  UpdateSubAccount: { ...account, changes, at },
  DeactivateSubAccount: { ...account, at },
  ScheduleSubAccountDeletion: { ...account, at },
  RestoreSubAccount: { ...account, at },
  CreateApiKey: { ...account, key: newApiKey, at },
  RevokeApiKey: { ...account, keyId: text, at },
  RecordMessage: { ...team, message: newMessage, at },
  RecordKeyUsage: { ...team, usages: list(object({ keyId: text, at })) },
} as const;

const deliveryStep = {
  messageId: text,
  status: oneOf('sent', 'delivered', 'failed'),
  errorCode: nullable(text),
};

/** The accounts service's own commands: delivery reports and the deletion schedule. */
const internal = {
  AdvanceMessage: { ...team, at, ...deliveryStep },
  AdvanceMessages: { ...team, steps: list(object(deliveryStep)), at },
  RunDeletionSchedule: { ...account, at },
} as const;

const page_ = { cursor: nullable(text), limit: count };

const queries = {
  AuthenticateKey: { digest: text },
  GetTeam: team,
  ListTeams: { search: nullable(text), ...page_ },
  CountActiveKeys: team,
  GetAccount: account,
  ListSubAccounts: { ...team, ...page_ },
  ListApiKeys: account,
  GetMessage: { ...account, messageId: text },
  ListMessages: {
    ...account,
    ...page_,
    status: optional(messageStatus),
    channel: optional(text),
    to: optional(text),
  },
} as const;

/** What arrives on `accounts.commands`: the gateway's writes, the ordered reads, the service's own commands. */
export type AccountsCommandTopicRequest = AccountsRequest | AccountsInternalCommand;

type AllReplies = AccountsReplies & AccountsInternalReplies;

const commandCodec = unionCodec<AccountsCommandTopicRequest>({ ...commands, ...queries, ...internal }, 'drop');
const queryCodec = unionCodec<AccountsQueryRequest>(queries, 'drop');

const violation = object<FieldViolation>({
  field: text,
  reason: oneOf(
    'required',
    'not_a_string',
    'empty',
    'blank',
    'too_long',
    'wrong_length',
    'not_an_object',
    'too_many_keys',
    'too_large',
    'not_a_number',
    'not_an_integer',
    'negative',
    'not_positive',
    'not_whole_cents',
    'not_an_array',
    'too_many_items',
    'duplicate',
    'not_allowed',
  ),
});

const refusal = taggedUnion<AccountsServiceRefusal, 'type'>('type', {
  invalid: { violations: list(violation) },
  team_not_found: {},
  team_already_exists: {},
  account_not_found: {},
  account_id_taken: {},
  account_purged: {},
  account_pending_deletion: {},
  not_pending_deletion: {},
  deletion_window_closed: { deleteAt: epochMs },
  purge_not_due: { deleteAt: epochMs },
  reminder_not_scheduled: { day: count },
  reminder_not_due: { day: count, dueAt: epochMs },
  external_id_taken: {},
  last_active_project: {},
  key_not_found: {},
  key_id_taken: {},
  message_not_found: {},
  invalid_cursor: {},
  upstream_refused: { service: oneOf('ledger'), reason: text },
});

const teamFields = { id: text, name: text, currency: text, mainAccountId: text, createdAt: epochMs };
const teamView = object<TeamView>(teamFields);
const teamListItem = object<TeamListItemView>({ ...teamFields, subAccounts: count });

const accountView = object<AccountView>({
  id: text,
  teamId: text,
  kind,
  name: text,
  externalId: nullable(text),
  status: accountStatus,
  creditLimit: nullable(micros),
  metadata,
  createdAt: epochMs,
  deleteAt: nullable(epochMs),
});

const apiKeyView = object<ApiKeyView>({
  id: text,
  accountId: text,
  name: text,
  keyPrefix: text,
  environment,
  permissions: list(text),
  createdAt: epochMs,
  lastUsedAt: nullable(epochMs),
  revokedAt: nullable(epochMs),
});

const keyIdentity = object<KeyIdentity>({
  keyId: text,
  accountId: text,
  teamId: text,
  accountKind: kind,
  accountStatus,
  environment,
  revoked: flag,
  digest: text,
});

const messageView = object<MessageView>({
  ...messageFields,
  teamId: text,
  to: nullable(text),
  status: messageStatus,
  refunded: flag,
  errorCode: nullable(text),
  createdAt: epochMs,
  updatedAt: epochMs,
});

const accountReply = object<{ account: AccountView }>({ account: accountView });
const apiKeyReply = object<{ apiKey: ApiKeyView }>({ apiKey: apiKeyView });
const messageReply = object<{ message: MessageView }>({ message: messageView });

const replies: { readonly [T in keyof AllReplies]: FieldCodec<AllReplies[T]> } = {
  CreateTeam: object({ team: teamView, mainAccount: accountView, apiKey: apiKeyView }),
  CreateSubAccount: object({ account: accountView, apiKey: apiKeyView }),
  UpdateSubAccount: accountReply,
  DeactivateSubAccount: object({ account: accountView, keysRevoked: count }),
  ScheduleSubAccountDeletion: accountReply,
  RestoreSubAccount: accountReply,
  CreateApiKey: apiKeyReply,
  RevokeApiKey: apiKeyReply,
  RecordMessage: messageReply,
  RecordKeyUsage: object({ recorded: count }),
  AuthenticateKey: object({ identity: nullable(keyIdentity) }),
  GetTeam: object({ team: teamView, accounts: array(accountView) }),
  ListTeams: page(teamListItem),
  CountActiveKeys: object({ accounts: array(object({ accountId: text, activeKeys: count })) }),
  GetAccount: accountReply,
  ListSubAccounts: page(accountView),
  ListApiKeys: object({ items: array(apiKeyView) }),
  GetMessage: messageReply,
  ListMessages: page(messageView),
  AdvanceMessage: messageReply,
  AdvanceMessages: object({ steps: array(serviceReply(object({ status: messageStatus }), refusal)) }),
  RunDeletionSchedule: object({ remindersRecorded: array(count), purged: flag }),
};

/** Commands, and the ordered reads placed beside them. */
export const accountsCommandWire: WireCodec<AccountsCommandTopicRequest> = wireCodec(commandCodec);
export const accountsQueryWire: WireCodec<AccountsQueryRequest> = wireCodec(queryCodec);

const replyWires = new Map(
  Object.entries(replies).map(([type, value]) => [
    type,
    wireCodec(serviceReply(value as FieldCodec<unknown>, refusal)),
  ]),
);

/** The reply codec of a request, chosen by its type: the replies' shapes differ from one type to the next. */
export function accountsReplyWire(type: AccountsCommandTopicRequest['type']): WireCodec<unknown> | undefined {
  return replyWires.get(type);
}

/** What a request that does not decode is answered: the field to blame, not allowed. */
export function accountsInvalidRequest(field: string | undefined): AccountsReply<AccountsRequest['type']> {
  return { ok: false, refusal: { type: 'invalid', violations: [{ field: field ?? 'type', reason: 'not_allowed' }] } };
}
