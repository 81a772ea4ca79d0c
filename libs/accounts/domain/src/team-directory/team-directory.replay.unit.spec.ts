import { teamDirectoryEventCodec } from '@subledger/contracts';
import { teamCreated, teamEvent } from '../testing/account-fixtures';
import { evolveTeamDirectory, replayTeamDirectory } from './team-directory.evolve';
import { initialTeamDirectoryState } from './team-directory.state';

const history = [
  teamCreated(),
  teamEvent('SubAccountRegistered', { accountId: 'a', externalId: 'cust-a' }),
  teamEvent('ExternalIdChanged', { accountId: 'a', externalId: 'cust-b' }),
  teamEvent('ProjectStatusChanged', { accountId: 'a', status: 'pending_deletion' }),
  teamEvent('ProjectPurged', { accountId: 'a' }),
];

describe('team directory replay', () => {
  it('gives the same state from the events read back from their JSON form', () => {
    const decoded = history.map((event) => {
      const result = teamDirectoryEventCodec.decodeText(JSON.stringify(teamDirectoryEventCodec.encode(event)));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    });
    expect(replayTeamDirectory(decoded)).toEqual(replayTeamDirectory(history));
  });

  it('leaves every earlier state as it was', () => {
    const states = [initialTeamDirectoryState()];
    const snapshots = [structuredClone(states[0])];
    for (const event of history) {
      states.push(evolveTeamDirectory(states[states.length - 1], event));
      snapshots.push(structuredClone(states[states.length - 1]));
    }
    expect(states).toEqual(snapshots);
  });

  it('ignores events for a missing team or an unknown project', () => {
    expect(replayTeamDirectory(history.slice(1))).toEqual(initialTeamDirectoryState());
    const team = replayTeamDirectory([teamCreated()]);
    expect(evolveTeamDirectory(team, teamEvent('ProjectPurged', { accountId: 'zz' }))).toEqual(team);
  });
});
