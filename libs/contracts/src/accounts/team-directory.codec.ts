import { epochMs, nullable, oneOf, schemaVersion as version, text } from '../codec/field-codecs';
import { unionCodec } from '../codec/union-codec';
import { ACCOUNTS_SCHEMA_VERSION } from './accounts-schema-version';
import type { TeamDirectoryCommand } from './team-directory.commands';
import type { TeamDirectoryEvent } from './team-directory.events';

const schemaVersion = version(ACCOUNTS_SCHEMA_VERSION);
const projectStatus = oneOf('active', 'inactive', 'pending_deletion');

export const teamDirectoryEventCodec = unionCodec<TeamDirectoryEvent>({
  TeamCreated: { schemaVersion, teamId: text, name: text, currency: text, mainAccountId: text, at: epochMs },
  SubAccountRegistered: { schemaVersion, accountId: text, externalId: nullable(text), at: epochMs },
  ExternalIdChanged: { schemaVersion, accountId: text, externalId: nullable(text), at: epochMs },
  ProjectStatusChanged: { schemaVersion, accountId: text, status: projectStatus, at: epochMs },
  ProjectPurged: { schemaVersion, accountId: text, at: epochMs },
});

export const teamDirectoryCommandCodec = unionCodec<TeamDirectoryCommand>({
  CreateTeam: { teamId: text, name: text, currency: text, mainAccountId: text, at: epochMs },
  RegisterSubAccount: { accountId: text, externalId: nullable(text), at: epochMs },
  ChangeExternalId: { accountId: text, externalId: nullable(text), at: epochMs },
  ChangeProjectStatus: { accountId: text, status: projectStatus, at: epochMs },
  PurgeProject: { accountId: text, at: epochMs },
});
