import {
  epochMs,
  list,
  nullable,
  oneOf,
  optional,
  safeInteger,
  scalarRecord,
  schemaVersion as version,
  text,
} from '../codec/field-codecs';
import { microsInput } from '../codec/micros-codecs';
import { object } from '../codec/object-codec';
import { unionCodec } from '../codec/union-codec';
import { ACCOUNTS_SCHEMA_VERSION } from './accounts-schema-version';
import type { AccountCommand } from './account.commands';
import type { AccountEvent, DeletionReminder } from './account.events';

const schemaVersion = version(ACCOUNTS_SCHEMA_VERSION);
const kind = oneOf('main', 'sub');
const environment = oneOf('live', 'test');
const externalId = nullable(text);
const creditLimit = nullable(microsInput);
const metadata = nullable(scalarRecord);
const permissions = nullable(list(text));
const accountRef = { accountId: text, at: epochMs };
const eventRef = { schemaVersion, ...accountRef };
const reminder = object<DeletionReminder>({ day: safeInteger, dueAt: epochMs });

const details = { name: text, externalId, creditLimit, metadata };
const detailChanges = {
  name: optional(text),
  externalId: optional(externalId),
  creditLimit: optional(creditLimit),
  metadata: optional(metadata),
};

export const accountEventCodec = unionCodec<AccountEvent>({
  AccountCreated: { ...eventRef, teamId: text, kind, ...details },
  AccountUpdated: { ...eventRef, changes: object(detailChanges) },
  AccountSuspended: eventRef,
  AccountResumed: eventRef,
  AccountDeactivated: { ...eventRef, revokedKeyIds: list(text) },
  DeletionScheduled: { ...eventRef, deleteAt: epochMs, reminders: list(reminder), revokedKeyIds: list(text) },
  DeletionReminderRecorded: { ...eventRef, day: safeInteger },
  AccountRestored: eventRef,
  AccountPurged: { ...eventRef, teamId: text, kind, createdAt: epochMs },
  ApiKeyCreated: { ...eventRef, keyId: text, name: text, environment, permissions, prefix: text, digest: text },
  ApiKeyRevoked: { ...eventRef, keyId: text },
});

export const accountCommandCodec = unionCodec<AccountCommand>({
  CreateAccount: { ...accountRef, teamId: text, kind, ...details },
  UpdateAccount: {
    ...accountRef,
    changes: object({ ...detailChanges, status: optional(oneOf('active', 'inactive')) }),
  },
  SuspendAccount: accountRef,
  ResumeAccount: accountRef,
  DeactivateAccount: accountRef,
  ScheduleDeletion: { ...accountRef, retentionMs: optional(safeInteger) },
  RecordDeletionReminder: { ...accountRef, day: safeInteger },
  RestoreAccount: accountRef,
  PurgeAccount: accountRef,
  CreateApiKey: { ...accountRef, keyId: text, name: text, environment, permissions, prefix: text, digest: text },
  RevokeApiKey: { ...accountRef, keyId: text },
});
