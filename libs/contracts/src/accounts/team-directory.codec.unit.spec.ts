import type { TeamDirectoryCommand } from './team-directory.commands';
import type { TeamDirectoryEvent } from './team-directory.events';
import { teamDirectoryCommandCodec, teamDirectoryEventCodec } from './team-directory.codec';

const at = 1_700_000_000_000;
const events: { [K in TeamDirectoryEvent['type']]: Extract<TeamDirectoryEvent, { type: K }> } = {
  TeamCreated: {
    type: 'TeamCreated',
    schemaVersion: 1,
    at,
    teamId: 't',
    name: 'Team',
    currency: 'usd',
    mainAccountId: 'm',
  },
  SubAccountRegistered: { type: 'SubAccountRegistered', schemaVersion: 1, at, accountId: 's', externalId: 'cust-1' },
  ExternalIdChanged: { type: 'ExternalIdChanged', schemaVersion: 1, at, accountId: 's', externalId: null },
  ProjectStatusChanged: {
    type: 'ProjectStatusChanged',
    schemaVersion: 1,
    at,
    accountId: 's',
    status: 'pending_deletion',
  },
  ProjectPurged: { type: 'ProjectPurged', schemaVersion: 1, at, accountId: 's' },
};
const commands: { [K in TeamDirectoryCommand['type']]: Extract<TeamDirectoryCommand, { type: K }> } = {
  CreateTeam: { type: 'CreateTeam', at, teamId: 't', name: 'Team', currency: 'usd', mainAccountId: 'm' },
  RegisterSubAccount: { type: 'RegisterSubAccount', at, accountId: 's', externalId: null },
  ChangeExternalId: { type: 'ChangeExternalId', at, accountId: 's', externalId: 'cust-2' },
  ChangeProjectStatus: { type: 'ChangeProjectStatus', at, accountId: 's', status: 'inactive' },
  PurgeProject: { type: 'PurgeProject', at, accountId: 's' },
};

describe('team directory codecs', () => {
  it.each(Object.values(events))('round-trips event $type through JSON text', (event) => {
    const text = JSON.stringify(teamDirectoryEventCodec.encode(event));
    expect(teamDirectoryEventCodec.decodeText(text)).toEqual({ ok: true, value: event });
  });

  it.each(Object.values(commands))('round-trips command $type through JSON text', (command) => {
    const text = JSON.stringify(teamDirectoryCommandCodec.encode(command));
    expect(teamDirectoryCommandCodec.decodeText(text)).toEqual({ ok: true, value: command });
  });

  it.each([
    ['a status the directory never records', { ...events.ProjectStatusChanged, status: 'purged' }, 'status'],
    ['a team without a main account', { ...events.TeamCreated, mainAccountId: undefined }, 'mainAccountId'],
    ['an external id that is not text', { ...events.SubAccountRegistered, externalId: 42 }, 'externalId'],
  ])('refuses %s', (_case, json, path) => {
    const result = teamDirectoryEventCodec.decode(JSON.parse(JSON.stringify(json)));
    expect(result).toMatchObject({ ok: false, error: { reason: 'invalid_field', field: path } });
  });

  it('refuses an account event on the team directory stream', () => {
    expect(teamDirectoryEventCodec.decode({ type: 'AccountCreated', schemaVersion: 1 })).toEqual({
      ok: false,
      error: { reason: 'unknown_type', field: 'type', message: 'unknown type "AccountCreated"' },
    });
  });
});
